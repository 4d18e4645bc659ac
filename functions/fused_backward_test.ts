// The built-in functions compute their first-order gradient twice: fused on
// arrays (backwardData, used without createGraph) and with Variable functions
// (used with createGraph). Both must agree to the last bit, with and without
// broadcasting, since gradientCheck at order 1 sees only the first and at
// order 2 only the second.

import assert from "node:assert/strict";
import {
  add,
  array,
  cos,
  div,
  exp,
  grad,
  log,
  mul,
  neg,
  relu,
  sigmoid,
  sin,
  Square,
  square,
  sub,
  sum,
  tanh,
  toFloat64Array,
  Variable,
} from "../mod.ts";

function random(shape: number[], seed: number, positive = false) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const size = shape.reduce((p, n) => p * n, 1);
  const data = new Float64Array(size).map(() =>
    positive ? 0.5 + 2 * next() : 4 * next() - 2
  );
  return array(data, { shape });
}

const unary = { square, exp, neg, sin, cos, tanh, log, sigmoid, relu };
const binary = { add, sub, mul, div };

for (const [name, f] of Object.entries(unary)) {
  // [3, 4] stays in TypeScript loops; [40, 50] takes the WebAssembly kernels.
  for (const shape of [[3, 4], [40, 50]]) {
    Deno.test(`${name} ${JSON.stringify(shape)}: the fused gradient equals the Variable one bit for bit`, () => {
      const x = new Variable(random(shape, name.length, name === "log"));
      const gy = random(shape, 7);
      const fused = grad(f(x), [x], { gradOutputs: [gy] })[0]!;
      const viaGraph = grad(f(x), [x], {
        gradOutputs: [gy],
        createGraph: true,
      })[0]!;
      assert.notEqual(viaGraph.creator, null);
      assert.deepEqual(toFloat64Array(fused), toFloat64Array(viaGraph));
    });
  }
}

for (const [name, f] of Object.entries(binary)) {
  for (
    const [aShape, bShape] of [[[3, 4], [3, 4]], [[3, 4], [4]], [[3, 1], [
      1,
      4,
    ]], [[], [2, 3]]]
  ) {
    Deno.test(`${name} ${JSON.stringify(aShape)} ${JSON.stringify(bShape)}: fused and Variable gradients agree`, () => {
      const a = new Variable(random(aShape, 3, true));
      const b = new Variable(random(bShape, 5, true));
      const y = f(a, b);
      const gy = random([...y.shape], 11);
      const fused = grad(f(a, b), [a, b], { gradOutputs: [gy] });
      const viaGraph = grad(f(a, b), [a, b], {
        gradOutputs: [gy],
        createGraph: true,
      });
      for (let i = 0; i < 2; i++) {
        assert.deepEqual(fused[i]!.shape, [a, b][i].shape);
        assert.deepEqual(
          toFloat64Array(fused[i]!),
          toFloat64Array(viaGraph[i]!),
        );
      }
    });
  }
}

Deno.test("a gradient passed through unchanged reaches two leaves as two arrays", () => {
  const a = new Variable(array([1, 2]));
  const b = new Variable(array([3, 4]));
  sum(add(a, b)).backward();
  assert.notEqual(a.grad!.data, b.grad!.data);
  a.grad!.data.data[0] = 100;
  assert.equal(b.grad!.data.get(0), 1);
});

Deno.test("a subclass that overrides backward gets its own backward, not the parent's fused one", () => {
  class TripleSquare extends Square {
    override backward(gy: Variable): Variable {
      return mul(gy, mul(this.inputs[0], 6)); // d(3x²)/dx, written on purpose
    }
  }
  const x = new Variable(array(2));
  new TripleSquare().call(x).backward();
  assert.equal(x.grad?.item(), 12);
  // The built-in keeps its fused path.
  const z = new Variable(array(2));
  new Square().call(z).backward();
  assert.equal(z.grad?.item(), 4);
});
