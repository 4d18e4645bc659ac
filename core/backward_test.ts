// The graph engine on graphs that are not chains (book steps 13-18): the
// expected gradients come from derivations by hand, not from the library.

import assert from "node:assert/strict";
import {
  add,
  array,
  config,
  exp,
  type Float64NdArray,
  Function,
  matmul,
  mul,
  noGrad,
  square,
  sum,
  toNested,
  usingConfig,
  Variable,
} from "../mod.ts";
import { assertAllClose } from "../testing/mod.ts";

Deno.test("a variable used twice gets the sum of both paths: add(x, x) is 2", () => {
  const x = new Variable(array(3));
  add(x, x).backward();
  assert.equal(x.grad?.data.get(), 2);
});

Deno.test("backward() twice without clearGrad() accumulates, clearGrad() starts over", () => {
  const x = new Variable(array(3));
  const y = add(add(x, x), x);
  y.backward();
  assert.equal(x.grad?.data.get(), 3);
  y.backward();
  assert.equal(x.grad?.data.get(), 6);
  x.clearGrad();
  y.backward();
  assert.equal(x.grad?.data.get(), 3);
});

Deno.test("a diamond graph: y = a² + a² with a = x² has dy/dx = 8x³", () => {
  const x = new Variable(array(2));
  const a = square(x);
  const y = add(square(a), square(a));
  y.backward();
  assert.equal(y.data.get(), 32);
  assert.equal(x.grad?.data.get(), 64);
});

Deno.test("a node reused at different depths waits for all its gradients", () => {
  // a = eˣ, b = a², y = a + b = eˣ + e²ˣ, so dy/dx = eˣ + 2e²ˣ. Exp's
  // backward must run after both a's uses have sent their gradient.
  const x = new Variable(array(0.3));
  const a = exp(x);
  const y = add(a, square(a));
  y.backward();
  assertAllClose(x.grad!, Math.exp(0.3) + 2 * Math.exp(0.6), { rtol: 1e-15 });
});

Deno.test("a reused non-leaf: t = x0 + x1, y = x0 + t gives 2 and 1 (step 18)", () => {
  const x0 = new Variable(array(1));
  const x1 = new Variable(array(1));
  const t = add(x0, x1);
  const y = add(x0, t);
  y.backward();
  assert.equal(x0.grad?.data.get(), 2);
  assert.equal(x1.grad?.data.get(), 1);
  assert.equal(y.grad, null);
  assert.equal(t.grad, null);
});

Deno.test("retainGrad keeps intermediate gradients", () => {
  const x0 = new Variable(array(1));
  const x1 = new Variable(array(1));
  const t = add(x0, x1);
  const y = add(x0, t);
  y.backward({ retainGrad: true });
  assert.equal(y.grad?.data.get(), 1);
  assert.equal(t.grad?.data.get(), 1);
});

/** Counts its backward calls; y = 2x. */
class Double extends Function {
  static calls = 0;
  forward(x: Float64NdArray): Float64NdArray {
    return array((toNested(x) as number) * 2);
  }
  backward(gy: Variable): Variable {
    Double.calls++;
    return mul(gy, 2);
  }
}

Deno.test("each function's backward runs exactly once on a wide shared graph", () => {
  // s = 2x is used by 100 products; y = Σ sᵢ·s = 100 s², dy/dx = 200 s · 2.
  Double.calls = 0;
  const x = new Variable(array(0.5));
  const s = new Double().call(x);
  let y = mul(s, s);
  for (let i = 1; i < 100; i++) y = add(y, mul(s, s));
  y.backward();
  assert.equal(Double.calls, 1);
  assert.equal(x.grad?.data.get(), 200 * 1 * 2);
});

/** y0 = 2x, y1 = 3x: a function with two outputs. */
class Fork extends Function {
  forward(x: Float64NdArray): Float64NdArray[] {
    return [array(2 * x.get()), array(3 * x.get())];
  }
  backward(gy0: Variable, gy1: Variable): Variable {
    return add(mul(gy0, 2), mul(gy1, 3));
  }
}

Deno.test("a function with two outputs gets both outputs' gradients", () => {
  // y = y0 + y1² = 2x + 9x², dy/dx = 2 + 18x.
  const x = new Variable(array(0.5));
  const [y0, y1] = new Fork().apply(x);
  const y = add(y0, square(y1));
  y.backward();
  assert.equal(x.grad?.data.get(), 2 + 18 * 0.5);
  assert.throws(() => new Fork().call(x), /use apply\(\)/);
});

Deno.test("an output that receives no gradient gets zeros", () => {
  const x = new Variable(array(0.5));
  const [y0] = new Fork().apply(x);
  square(y0).backward(); // y1 unused: d/dx (2x)² = 8x
  assert.equal(x.grad?.data.get(), 4);
});

Deno.test("a backward that throws leaves every gradient as it was", () => {
  class Broken extends Function {
    forward(x: Float64NdArray): Float64NdArray {
      return x;
    }
    backward(): Float64NdArray {
      throw new Error("broken backward");
    }
  }
  const x = new Variable(array(1));
  const w = new Variable(array(2));
  w.grad = array(10);
  // w's gradient arrives before Broken runs; it must not be committed.
  const y = add(mul(w, 3), new Broken().call(x));
  assert.throws(() => y.backward(), /broken backward/);
  assert.equal(w.grad?.data.get(), 10);
  assert.equal(x.grad, null);
  // The graph is still usable once the cause is gone.
  const z = mul(w, 3);
  z.backward();
  assert.equal(w.grad?.data.get(), 13);
});

Deno.test("noGrad() records no graph and restores the setting, also on throw", () => {
  const x = new Variable(array(2));
  const y = noGrad(() => square(x));
  assert.equal(y.creator, null);
  assert.equal(y.data.get(), 4);
  assert.equal(config.enableBackprop, true);
  assert.throws(() =>
    noGrad(() => {
      throw new Error("inside");
    }), /inside/);
  assert.equal(config.enableBackprop, true);
  const z = usingConfig({ enableBackprop: false }, () => exp(x));
  assert.equal(z.creator, null);
});

Deno.test("usingConfig() rejects unknown settings, non-booleans and async callbacks", () => {
  assert.throws(
    () => usingConfig({ training: false } as never, () => 1),
    (e: Error) =>
      e instanceof TypeError && /unknown setting "training"/.test(e.message),
  );
  assert.throws(
    () => usingConfig({ enableBackprop: 0 } as never, () => 1),
    (e: Error) => e instanceof TypeError && /number 0/.test(e.message),
  );
  assert.throws(
    () => noGrad(async () => {}),
    (e: Error) => e instanceof TypeError && /async callback/.test(e.message),
  );
  assert.equal(config.enableBackprop, true);
});

Deno.test("Variable reports shape, ndim, size, dtype and length", () => {
  const x = new Variable(array([[1, 2, 3], [4, 5, 6]]), { name: "x" });
  assert.deepEqual(x.shape, [2, 3]);
  assert.equal(x.ndim, 2);
  assert.equal(x.size, 6);
  assert.equal(x.dtype, "float64");
  assert.equal(x.length, 2);
  assert.equal(x.name, "x");
  assert.throws(
    () => new Variable(array(1)).length,
    (e: Error) => e instanceof TypeError && /0-d/.test(e.message),
  );
});

Deno.test("number operands become constants that keep no gradient", () => {
  const x = new Variable(array(3));
  const y = mul(x, 2);
  y.backward();
  assert.equal(x.grad?.data.get(), 2);
  const constant = y.creator!.inputs[1];
  assert.equal(constant.data.get(), 2);
  assert.equal(constant.grad, null);
  // A Variable the user made keeps its gradient as usual.
  const c = new Variable(array(2));
  mul(x, c).backward();
  assert.equal(c.grad?.data.get(), 3);
});

Deno.test("array operands are constants too: linear() skips x's gradient", () => {
  // y = x W, summed: dL/dW = xᵀ 1, by hand; x is a plain array, so no
  // gradient is computed for it (the 100 x 1000 x 784 product of an MNIST
  // step's backward that nobody reads).
  const x = array([[1, 2], [3, 4], [5, 6]]);
  const W = new Variable(array([[1, -1], [2, 0.5]]));
  const y = matmul(x, W);
  sum(y).backward();
  assert.deepEqual(toNested(W.grad!.data), [[9, 9], [12, 12]]);
  const wrapped = y.creator!.inputs[0];
  assert.equal(wrapped.grad, null);
  assert.equal(y.creator!.needsInputGrad(0), false);
  assert.equal(y.creator!.needsInputGrad(1), true);
  // The same array wrapped by the user keeps its gradient, W·1 per row.
  const xv = new Variable(x);
  sum(matmul(xv, W)).backward();
  assert.deepEqual(toNested(xv.grad!.data), [[0, 2.5], [0, 2.5], [0, 2.5]]);
});

Deno.test("a backward may skip inputs that need no gradient, and only those", () => {
  const x = new Variable(array(3));
  const y = mul(x, 2);
  const f = y.creator!;
  assert.equal(f.needsInputGrad(0), true);
  assert.equal(f.needsInputGrad(1), false);
  const gxs = f.backward(new Variable(array(1))) as (Variable | null)[];
  assert.equal(gxs[0]?.data.get(), 2);
  assert.equal(gxs[1], null);

  class SkipsTooMuch extends Function {
    forward(a: Float64NdArray): Float64NdArray {
      return a;
    }
    backward(): null {
      return null;
    }
  }
  const z = new SkipsTooMuch().call(x);
  assert.throws(
    () => z.backward(),
    (e: Error) =>
      e instanceof TypeError &&
      /SkipsTooMuch.backward: it returned null for input 0, which needs a gradient/
        .test(e.message),
  );
});
