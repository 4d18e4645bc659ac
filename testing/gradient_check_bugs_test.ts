// One broken backward for each class of bug gradientCheck must catch, each
// with the message it must give, and correct functions that must pass.

import assert from "node:assert/strict";
import { AssertionError } from "node:assert";
import {
  add,
  array,
  exp,
  type Float64NdArray,
  Function,
  map,
  matmul,
  mul,
  tanh,
  toNested,
  transpose,
  Variable,
  zipWith,
} from "../mod.ts";
import { gradientCheck } from "./gradient_check.ts";

/** Assert that `fn` throws an AssertionError whose message matches all. */
function assertFails(fn: () => unknown, ...patterns: RegExp[]): string {
  let message = "";
  assert.throws(fn, (e: Error) => {
    assert.ok(e instanceof AssertionError, `not an AssertionError: ${e}`);
    for (const pattern of patterns) assert.match(e.message, pattern);
    message = e.message;
    return true;
  });
  return message;
}

/** y = x², backward written by `backward` (Variables in, Variable out). */
function squareWith(
  name: string,
  backward: (self: Function, gy: Variable) => Variable,
): (x: Variable) => Variable {
  const Square = {
    [name]: class extends Function {
      forward(x: Float64NdArray): Float64NdArray {
        return map(x, (v) => v * v);
      }
      backward(gy: Variable): Variable {
        return backward(this, gy);
      }
    },
  }[name];
  return function square(x: Variable): Variable {
    return new Square().call(x);
  };
}

const point = array([0.5, -1.5, 2]);

Deno.test("gradientCheck() catches a backward that clips gy to [-1, 1], on every seed", () => {
  const clipped = squareWith("ClippedSquare", (f, gy) => {
    const clip = new Variable(
      map(gy.data, (g) => Math.max(-1, Math.min(1, g))),
    );
    return mul(clip, mul(2, f.inputs[0]));
  });
  for (let seed = 0; seed < 10; seed++) {
    assertFails(
      () => gradientCheck(clipped, point, { seed }),
      /Gradient check of square failed: backward is not linear in its upstream gradient: for input 0 at index \[\d\], backward\(-3.7 · gy\) gives/,
      new RegExp(`seed ${seed},`),
    );
  }
});

Deno.test("gradientCheck() at order 2 catches a backward that detaches gy", () => {
  const detached = squareWith(
    "DetachedSquare",
    (f, gy) => mul(gy.detach(), mul(2, f.inputs[0])),
  );
  gradientCheck(detached, point); // right at order 1
  const message = assertFails(
    () => gradientCheck(detached, point, { order: 2 }),
    /Gradient check of the gradient of square failed: backprop and numerical gradients differ/,
    /seed 0, order 2,/,
  );
  // The wrong derivatives are those with respect to the upstream gradient.
  const rows = message.split("\n").slice(2, -1);
  assert.ok(rows.length > 0);
  for (const row of rows) assert.match(row, /^\s+0\s+gy 0\s+\[\d\]/);
});

Deno.test("gradientCheck() names a backward that writes into its upstream gradient", () => {
  const inPlace = squareWith("Square", (f, gy) => {
    const g = gy.data;
    for (let i = 0; i < g.size; i++) g.data[g.offset + i] *= 2;
    return mul(gy, f.inputs[0]); // 2x·gy, but gy is now doubled
  });
  assertFails(
    () => gradientCheck(inPlace, point),
    /^Gradient check of square failed: Square.backward modified its upstream gradient in place\n\(seed 0,/,
  );
  // Inside a larger function, between two others, it is still named.
  assertFails(
    () => gradientCheck((x: Variable) => tanh(inPlace(exp(x))), point),
    /Square.backward modified its upstream gradient in place/,
  );
  // At order 2 the write happens while the gradient is being computed.
  assertFails(
    () => gradientCheck(inPlace, point, { order: 2 }),
    /Square.backward modified its upstream gradient in place/,
  );
});

Deno.test("gradientCheck() names a forward that writes into its input, and which one", () => {
  class Scale extends Function {
    forward(x: Float64NdArray, w: Float64NdArray): Float64NdArray {
      // Scales w in place, then returns x * w.
      for (let i = 0; i < w.size; i++) w.data[w.offset + i] *= 1.5;
      return zipWith(x, w, (a, b) => a * b);
    }
    backward(gy: Variable): Variable[] {
      const [x, w] = this.inputs;
      return [mul(gy, w), mul(gy, x)];
    }
  }
  const scale = (x: Variable, w: Variable) => new Scale().call(x, w);
  assertFails(
    () => gradientCheck(scale, [array([1, 2]), array([3, 4])]),
    /Gradient check of scale failed: Scale.forward modified its input 1 in place/,
  );
  // A function (not a Function) that writes into what it was given.
  const sloppy = (x: Variable) => {
    x.data.data[x.data.offset] = 0;
    return exp(x);
  };
  assertFails(
    () => gradientCheck(sloppy, point),
    /Gradient check of sloppy failed: sloppy modified its input 0 in place/,
  );
});

Deno.test("gradientCheck() names a backward that writes into its input", () => {
  class Product extends Function {
    forward(x: Float64NdArray, w: Float64NdArray): Float64NdArray {
      return zipWith(x, w, (a, b) => a * b);
    }
    backward(gy: Variable): Variable[] {
      const [x, w] = this.inputs;
      const gx = mul(gy, w);
      const gw = mul(gy, x);
      // Zeroes x after use: the next backward on this graph reads zeros.
      x.data.data.fill(0, x.data.offset, x.data.offset + x.data.size);
      return [gx, gw];
    }
  }
  const product = (x: Variable, w: Variable) => new Product().call(x, w);
  assertFails(
    () => gradientCheck(product, [array([1, 2]), array([3, 4])]),
    /Gradient check of product failed: Product.backward modified its input 0 in place/,
  );
});

Deno.test("the moved point catches a transposition that a symmetric matrix hides", () => {
  class MatMulNoTranspose extends Function {
    forward(x: Float64NdArray, w: Float64NdArray): Float64NdArray {
      return matmul(new Variable(x), new Variable(w)).data;
    }
    backward(gy: Variable): Variable[] {
      const [x, w] = this.inputs;
      // Should be gy · wᵀ and xᵀ · gy: right only when w and x are symmetric.
      return [matmul(gy, w), matmul(x, gy)];
    }
  }
  const product = (x: Variable, w: Variable) =>
    new MatMulNoTranspose().call(x, w);
  const symmetric = [array([[1, 0.5], [0.5, 2]]), array([[0.3, -1], [-1, 4]])];
  const given = gradientCheck(product, symmetric, { secondPoint: false });
  assert.deepEqual(given.points, ["given"]);
  assertFails(
    () => gradientCheck(product, symmetric),
    /Gradient check of product failed: backprop and numerical gradients differ/,
    /\(at the moved point \(the given point passed\); 8 elements checked; seed 0,/,
  );
  // The correct product passes at both points.
  const correct = (x: Variable, w: Variable) => matmul(x, w);
  assert.deepEqual(gradientCheck(correct, symmetric).points, [
    "given",
    "moved",
  ]);
  gradientCheck((x: Variable) => matmul(x, transpose(x)), symmetric[0]);
});

Deno.test("the moved point catches gradients swapped at a symmetric point", () => {
  class SwappedMul extends Function {
    forward(a: Float64NdArray, b: Float64NdArray): Float64NdArray {
      return zipWith(a, b, (p, q) => p * q);
    }
    backward(gy: Variable): Variable[] {
      const [a, b] = this.inputs;
      return [mul(gy, a), mul(gy, b)]; // swapped: right only where a = b
    }
  }
  const swapped = (a: Variable, b: Variable) => new SwappedMul().call(a, b);
  const same = [array([0.5, 2]), array([0.5, 2])];
  gradientCheck(swapped, same, { secondPoint: false });
  assertFails(
    () => gradientCheck(swapped, same),
    /at the moved point/,
  );
});

Deno.test("the moved point catches a gradient right only for positive inputs", () => {
  // d(x³)/dx = 3x², written as 3x|x|: right for x >= 0 only.
  class PositiveCube extends Function {
    forward(x: Float64NdArray): Float64NdArray {
      return map(x, (v) => v ** 3);
    }
    backward(gy: Variable): Variable {
      const x = this.inputs[0];
      return mul(gy, mul(3, mul(x, new Variable(map(x.data, Math.abs)))));
    }
  }
  const cube = (x: Variable) => new PositiveCube().call(x);
  const zeros = array([0, 0, 0]);
  gradientCheck(cube, zeros, { secondPoint: false });
  assertFails(() => gradientCheck(cube, zeros), /at the moved point/);
});

Deno.test("the moved point catches a backward that reuses a value cached on its first call", () => {
  let cached: Float64NdArray | null = null;
  class CachedSquare extends Function {
    forward(x: Float64NdArray): Float64NdArray {
      return map(x, (v) => v * v);
    }
    backward(gy: Variable): Variable {
      cached ??= map(this.inputs[0].data, (v) => 2 * v);
      return mul(gy, new Variable(cached));
    }
  }
  const stale = (x: Variable) => new CachedSquare().call(x);
  gradientCheck(stale, point, { secondPoint: false });
  cached = null;
  assertFails(
    () => gradientCheck(stale, point),
    /Gradient check of stale failed: backprop and numerical gradients differ/,
    /at the moved point/,
  );
});

Deno.test("gradientCheck() names the wrong output of a function with two outputs", () => {
  class Fork extends Function {
    forward(v: Float64NdArray): Float64NdArray[] {
      return [map(v, (t) => 2 * t), map(v, Math.sin)];
    }
    backward(gy0: Variable, gy1: Variable): Variable {
      // Output 1 is sin(v): its gradient should be cos(v), not -cos(v).
      const cos = new Variable(map(this.inputs[0].data, (t) => -Math.cos(t)));
      return add(mul(gy0, 2), mul(gy1, cos));
    }
  }
  const fork = (v: Variable) => new Fork().apply(v);
  const message = assertFails(
    () => gradientCheck(fork, point),
    /Gradient check of fork failed: the gradient through output 1 is wrong: backprop and numerical gradients differ/,
    /; worst at output 1, input 0, index \[\d\]\n/,
  );
  // Every row shown is output 1's, with input and element named.
  const rows = message.split("\n").slice(2, -1);
  assert.ok(rows.length > 0);
  for (const row of rows) assert.match(row, /^\s+1\s+0\s+\[\d\]/);
});

Deno.test("gradientCheck() passes exp over a large dynamic range in full mode and at order 2", () => {
  const wide = array([20, 0.1, -0.5, 0.3]);
  for (let seed = 0; seed < 10; seed++) {
    gradientCheck(exp, wide, { seed });
    gradientCheck(exp, wide, { seed, order: 2 });
    gradientCheck(exp, wide, { seed, mode: "fast" });
  }
});

Deno.test("gradientCheck() leaves a captured Variable's grad and data alone", () => {
  const W = new Variable(array([[0.5, -1], [2, 0.25]]));
  const layer = (x: Variable) => tanh(matmul(x, W));
  const x = new Variable(array([[0.1, -0.2], [0.3, 0.4]]));
  gradientCheck(layer, x);
  gradientCheck(layer, x, { order: 2 });
  gradientCheck(layer, x, { mode: "fast" });
  assert.equal(W.grad, null);
  assert.equal(x.grad, null);
  assert.deepEqual(toNested(W.data), [[0.5, -1], [2, 0.25]]);
});

Deno.test("an array of numbers is one 1-d input", () => {
  // Right only for x > 0: with the array read as one input, x = -1 shows it.
  const positiveOnly = squareWith(
    "PositiveSquare",
    (f, gy) => mul(gy, mul(2, new Variable(map(f.inputs[0].data, Math.abs)))),
  );
  const result = gradientCheck(exp, [0.5, -1, 2]);
  assert.equal(result.checked, 3);
  assertFails(
    () => gradientCheck(positiveOnly, [0.5, -1, 2], { secondPoint: false }),
    /\n\s+0\s+0\s+\[1\]/,
  );
  // Several inputs: one entry per argument, numbers as 0-d inputs.
  assert.equal(gradientCheck(mul, [array([1, 2]), 3]).checked, 3);
  assert.equal(gradientCheck(mul, [[1, 2], [3]]).checked, 3);
});

Deno.test("an ambiguous array of inputs is a TypeError naming both readings", () => {
  assert.throws(
    () => gradientCheck(mul, [[1, 2], [3, 4]]),
    (e: Error) =>
      e instanceof TypeError &&
      /could read it as one input of shape \[2,2\] or as 2 inputs of shape \[2\]/
        .test(e.message),
  );
  assert.throws(
    () => gradientCheck(mul, [1, 2]),
    (e: Error) =>
      e instanceof TypeError &&
      /one 1-d input of shape \[2\], not as one number per argument/.test(
        e.message,
      ),
  );
});

Deno.test("an order-2 failure names the seed that replays it", () => {
  const clipped = squareWith(
    "FlatSquare",
    (f, gy) =>
      new Variable(zipWith(f.inputs[0].data, gy.data, (x, g) => 2 * x * g)),
  );
  for (const seed of [0, 7]) {
    const first = assertFails(
      () => gradientCheck(clipped, point, { order: 2, seed }),
      new RegExp(`seed ${seed}, order 2,`),
    );
    const again = assertFails(() =>
      gradientCheck(clipped, point, { order: 2, seed })
    );
    assert.equal(again, first);
  }
});

Deno.test("gradientCheck() warns when every gradient is below atol", () => {
  const tiny = (x: Variable) => mul(x, 1e-9);
  const result = gradientCheck(tiny, point);
  assert.equal(result.warnings.length, 1);
  assert.match(
    result.warnings[0],
    /every gradient compared is below atol 0.00001/,
  );
  assert.deepEqual(gradientCheck(exp, point).warnings, []);
  // And in the message when such a check fails.
  const nan = squareWith("TinyNaN", () => new Variable(array([NaN, 0, 0])));
  assertFails(
    () => gradientCheck((x: Variable) => mul(nan(x), 1e-9), point),
    /the backprop gradient is NaN/,
    /\nNote: every gradient compared is below atol/,
  );
});

Deno.test("fast mode catches one wrong element among 1,000", () => {
  const x = array(Float64Array.from({ length: 1000 }, (_, i) => Math.sin(i)));
  const wrongAt = 617;
  const target = x.get(wrongAt);
  const oneWrong = squareWith("OneWrong", (f, gy) => {
    const v = f.inputs[0];
    const g = map(v.data, (t) => t === target ? 0 : 2 * t);
    return mul(gy, new Variable(g));
  });
  assertFails(
    () => gradientCheck(oneWrong, x, { mode: "fast", secondPoint: false }),
    new RegExp(`\\n\\s+0\\s+0\\s+\\[${wrongAt}\\]`),
  );
});

Deno.test("gradientCheck() at order 2 checks both points and reports the inputs and gys", () => {
  const result = gradientCheck((x: Variable) => tanh(mul(x, x)), point, {
    order: 2,
  });
  assert.equal(result.order, 2);
  // Three inputs and three upstream gradients, at each point.
  assert.equal(result.checked, 6);
  assert.deepEqual(result.points, ["given", "moved"]);
});

Deno.test("the moved point is skipped, with a warning, where the function is not finite", () => {
  // Finite only at exactly x = 1: every move, even halved, gives NaN.
  class Pinned extends Function {
    forward(x: Float64NdArray): Float64NdArray {
      return map(x, (v) => v === 1 || Math.abs(v - 1) < 1e-5 ? 2 * v : NaN);
    }
    backward(gy: Variable): Variable {
      return mul(gy, 2);
    }
  }
  const pinned = (x: Variable) => new Pinned().call(x);
  const result = gradientCheck(pinned, array([1]));
  assert.deepEqual(result.points, ["given"]);
  assert.match(result.warnings[0], /the moved point was skipped/);
});
