import assert from "node:assert/strict";
import {
  add,
  array,
  div,
  type Float64NdArray,
  mul,
  neg,
  Pow,
  pow,
  sub,
  toNested,
  Variable,
} from "../mod.ts";
import { assertAllClose, gradientCheck } from "../testing/mod.ts";

const a = array([[0.5, -1.5, 2], [1.25, 3, -0.75]]);
const b = array([[2, 0.5, -1], [4, -2.5, 1.5]]);

/** Check the gradient with respect to each input of a binary function. */
function checkBoth(
  f: (p: Variable, q: Variable) => Variable,
  p: Float64NdArray,
  q: Float64NdArray,
): void {
  gradientCheck((x) => f(x, new Variable(q)), p);
  gradientCheck((x) => f(new Variable(p), x), q);
}

Deno.test("add(), sub(), mul(), div() compute elementwise on n-d arrays", () => {
  const x = new Variable(array([1, 2, 3]));
  const y = new Variable(array([4, 5, 6]));
  assert.deepEqual(toNested(add(x, y).data), [5, 7, 9]);
  assert.deepEqual(toNested(sub(x, y).data), [-3, -3, -3]);
  assert.deepEqual(toNested(mul(x, y).data), [4, 10, 18]);
  assert.deepEqual(toNested(div(x, y).data), [0.25, 0.4, 0.5]);
  assert.deepEqual(toNested(neg(x).data), [-1, -2, -3]);
  assert.deepEqual(toNested(pow(x, 3).data), [1, 8, 27]);
});

Deno.test("binary functions have the hand-derived gradients", () => {
  const x = new Variable(array(3));
  const y = new Variable(array(2));
  mul(x, y).backward();
  assert.equal(x.grad?.data.get(), 2);
  assert.equal(y.grad?.data.get(), 3);
  x.clearGrad();
  y.clearGrad();
  div(x, y).backward(); // d(x/y)/dx = 1/y, d(x/y)/dy = -x/y²
  assert.equal(x.grad?.data.get(), 0.5);
  assert.equal(y.grad?.data.get(), -0.75);
  x.clearGrad();
  y.clearGrad();
  sub(x, y).backward();
  assert.equal(x.grad?.data.get(), 1);
  assert.equal(y.grad?.data.get(), -1);
});

Deno.test("every arithmetic function passes gradient checks for each input", () => {
  checkBoth(add, a, b);
  checkBoth(sub, a, b);
  checkBoth(mul, a, b);
  checkBoth(div, a, b);
  gradientCheck(neg, a);
  gradientCheck((x) => pow(x, 3), a);
  gradientCheck((x) => pow(x, -2), a);
  gradientCheck((x) => pow(x, 0.5), array([0.5, 1, 4]));
});

Deno.test("arithmetic passes gradient checks on strided views", () => {
  const t = array([[1, 2, 3], [4, 5, 6]]).transpose(1, 0);
  const s = array([[0.5, -1], [2, 3], [-2, 0.25]]);
  checkBoth(mul, t, s);
  checkBoth(div, s, t);
});

Deno.test("numbers are accepted on either side and get no gradient", () => {
  const x = new Variable(array([1, 2]));
  const y = add(3, mul(x, 2));
  assert.deepEqual(toNested(y.data), [5, 7]);
  y.backward();
  assert.deepEqual(toNested(x.grad!.data), [2, 2]);
  assert.deepEqual(toNested(sub(10, x).data), [9, 8]);
  assert.deepEqual(toNested(div(1, x).data), [1, 0.5]);
});

Deno.test("a 0-d operand combines with any shape and gets the summed gradient", () => {
  const x = new Variable(array([1, 2, 3]));
  const c = new Variable(array(2));
  mul(x, c).backward();
  assert.equal(c.grad?.data.get(), 6); // sum of x
  assert.deepEqual(toNested(x.grad!.data), [2, 2, 2]);
  gradientCheck((s) => mul(new Variable(a), s), array(0.7));
  gradientCheck((s) => div(s, new Variable(b)), array(-1.3));
});

Deno.test("non-broadcastable shapes are a TypeError naming the function and both shapes", async (t) => {
  const x = new Variable(array([[1, 2, 3], [4, 5, 6]]));
  const y = new Variable(array([[1, 2], [3, 4], [5, 6]]));
  for (
    const [name, f] of [["Add", add], ["Sub", sub], ["Mul", mul], [
      "Div",
      div,
    ]] as const
  ) {
    await t.step(name, () => {
      assert.throws(
        () => f(x, y),
        (e: Error) =>
          e instanceof TypeError &&
          e.message.includes(
            `Cannot broadcast shapes [2,3] and [3,2] in ${name}: dimension 0 is 2 and 3`,
          ),
      );
      assert.equal(x.grad, null);
      assert.equal(x.creator, null);
    });
  }
});

Deno.test("wrong operand types are a TypeError naming the function", async (t) => {
  const x = new Variable(array(1));
  for (const bad of ["2", undefined, { value: 2 }, null, [1]]) {
    await t.step(String(bad), () => {
      assert.throws(
        () => add(x, bad as never),
        (e: Error) =>
          e instanceof TypeError && /Cannot call Add on/.test(e.message) &&
          /input 1/.test(e.message),
      );
    });
  }
});

Deno.test("pow() rejects an exponent that is not a number", () => {
  const x = new Variable(array(2));
  for (const c of [new Variable(array(2)), "2", undefined]) {
    assert.throws(
      () => pow(x, c as never),
      (e: Error) =>
        e instanceof TypeError && /Pow expects a number/.test(e.message),
    );
  }
  assert.equal(new Pow(2).c, 2);
});

Deno.test("division by zero follows IEEE arithmetic", () => {
  const y = div(new Variable(array([1, -1, 0])), 0);
  assert.deepEqual(toNested(y.data), [Infinity, -Infinity, NaN]);
});

Deno.test("chainable methods build the same graph as the helpers", () => {
  const x = new Variable(array(2));
  const y = new Variable(array(3));
  // ((x² · e^x) + y - 1) / 2, negated, cubed: compare against helpers.
  const z = x.square().mul(x.exp()).add(y).sub(1).div(2).neg().pow(3);
  z.backward();
  const gx = x.grad!.data.get();
  const gy = y.grad!.data.get();
  const u = (2 * 2 * Math.exp(2) + 3 - 1) / 2;
  // z = -u³, dz/dx = -3u² · (2x e^x + x² e^x) / 2, dz/dy = -3u² / 2
  assertAllClose(z.data, -(u ** 3), { rtol: 1e-14 });
  assertAllClose(
    array(gx),
    -3 * u ** 2 * (2 * 2 * Math.exp(2) + 4 * Math.exp(2)) / 2,
    { rtol: 1e-14 },
  );
  assertAllClose(array(gy), -3 * u ** 2 / 2, { rtol: 1e-14 });
});
