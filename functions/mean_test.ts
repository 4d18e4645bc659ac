import assert from "node:assert/strict";
import { array, average, mean, toNested, Variable } from "../mod.ts";
import { gradientCheck } from "../testing/mod.ts";
import { checkFixture, fixtureCases } from "./testdata/_fixtures.ts";

Deno.test("mean() matches PyTorch's mean over all axes and several, with keepdims", () => {
  for (const c of fixtureCases("mean")) {
    checkFixture(c, (x) =>
      mean(x, {
        axis: c.params.axis as number | number[] | undefined,
        keepdims: c.params.keepdims as boolean | undefined,
      }));
  }
});

Deno.test("mean() spreads the gradient evenly over the averaged elements", () => {
  const x = new Variable(array([[1, 2, 3], [4, 5, 6]]));
  const y = mean(x, { axis: 1 });
  y.grad = array([3, 6]);
  y.backward();
  assert.deepEqual(toNested(y.data), [2, 5]);
  assert.deepEqual(toNested(x.grad!.data), [[1, 1, 1], [2, 2, 2]]);
});

Deno.test("mean() passes first- and second-order gradient checks", () => {
  const x = array([[0.3, -0.2, 1.1], [1, 0.5, -2]]);
  gradientCheck((v) => mean(v), x);
  gradientCheck((v: Variable) => mean(v.square(), { axis: 0 }), x, {
    order: 2,
  });
});

Deno.test("average() is DeZero's name for mean()", () => {
  const x = array([[0.3, -0.2, 1.1], [1, 0.5, -2]]);
  assert.deepEqual(
    toNested(average(x, { axis: 0 }).data),
    toNested(mean(x, { axis: 0 }).data),
  );
  assert.throws(() => mean(x, { axis: 5 }), /mean needs axes in -2\.\.1/);
});
