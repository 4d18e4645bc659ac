import assert from "node:assert/strict";
import { array, min, toNested, Variable } from "../mod.ts";
import { gradientCheck } from "../testing/mod.ts";
import { checkFixture, fixtureCases } from "./testdata/_fixtures.ts";

Deno.test("min() matches PyTorch's amin over one axis and all, with keepdims", () => {
  for (const c of fixtureCases("min")) {
    checkFixture(c, (x) =>
      min(x, {
        axis: c.params.axis as number | number[] | undefined,
        keepdims: c.params.keepdims as boolean | undefined,
      }));
  }
});

Deno.test("min() gives every tied minimum the whole gradient, as DeZero", () => {
  const x = new Variable(array([[-1, 4, -1]]));
  const y = min(x);
  y.backward();
  assert.equal(y.data.get(), -1);
  assert.deepEqual(toNested(x.grad!.data), [[1, 0, 1]]);
});

Deno.test("min() passes first- and second-order gradient checks away from ties", () => {
  const x = array([[0.3, -0.2, 1.1], [1, 0.5, -2]]);
  gradientCheck((v) => min(v, { axis: 0 }), x);
  gradientCheck((v) => min(v, { axis: 1 }).square(), x, { order: 2 });
});
