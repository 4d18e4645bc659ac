import assert from "node:assert/strict";
import { array, square, toNested, Variable } from "../mod.ts";
import { assertAllClose, gradientCheck } from "../testing/mod.ts";

Deno.test("square() of 2 is 4", () => {
  assert.equal(square(new Variable(array(2))).data.get(), 4);
});

Deno.test("square() doubles the input in its gradient", () => {
  const x = new Variable(array(3));
  square(x).backward();
  assert.equal(x.grad?.data.get(), 6);
});

Deno.test("square() works on n-d arrays and passes a gradient check", () => {
  const x = new Variable(array([[1, -2, 3], [0.5, 0, -0.25]]));
  const y = square(x);
  assert.deepEqual(toNested(y.data), [[1, 4, 9], [0.25, 0, 0.0625]]);
  gradientCheck(square, x);
});

Deno.test("square() reads transposed and sliced views correctly", () => {
  const base = array([[1, 2, 3], [4, 5, 6]]);
  const transposed = new Variable(base.transpose(1, 0));
  const y = square(transposed);
  assert.deepEqual(toNested(y.data), [[1, 16], [4, 25], [9, 36]]);
  y.backward();
  assertAllClose(transposed.grad!, [[2, 8], [4, 10], [6, 12]]);
  const reversed = new Variable(base.step(-1, -2));
  assert.deepEqual(toNested(square(reversed).data), [[36, 16], [9, 1]]);
  gradientCheck(square, reversed);
});

Deno.test("square() leaves its input unchanged", () => {
  const data = array([1, 2, 3]);
  const x = new Variable(data);
  square(x).backward();
  assert.deepEqual(toNested(x.data), [1, 2, 3]);
  assert.equal(x.data, data);
});

Deno.test("square() follows IEEE arithmetic for NaN and Infinity", () => {
  const y = square(new Variable(array([NaN, Infinity, -Infinity])));
  assert.deepEqual(toNested(y.data), [NaN, Infinity, Infinity]);
});
