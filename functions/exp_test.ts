import assert from "node:assert/strict";
import { array, exp, toNested, Variable } from "../mod.ts";
import { assertAllClose, gradientCheck } from "../testing/mod.ts";

Deno.test("exp() of 0.5 is Math.exp(0.5)", () => {
  assert.equal(exp(new Variable(array(0.5))).data.get(), Math.exp(0.5));
});

Deno.test("exp() has itself as its derivative", () => {
  const x = new Variable(array([-1, 0, 2]));
  exp(x).backward();
  assertAllClose(x.grad!, [Math.exp(-1), 1, Math.exp(2)], { rtol: 1e-15 });
});

Deno.test("exp() passes gradient checks on 0-d, 3-d and strided inputs", () => {
  gradientCheck(exp, array(0.3));
  gradientCheck(exp, array([[[0.1, 0.2], [0.3, 0.4]], [[-1, -2], [1, 2]]]));
  gradientCheck(exp, array([[1, 2, 3], [4, 5, 6]]).transpose(1, 0));
});

Deno.test("exp() overflows to Infinity and underflows to 0 as IEEE says", () => {
  const y = exp(new Variable(array([1000, -1000, NaN])));
  assert.deepEqual(toNested(y.data), [Infinity, 0, NaN]);
});
