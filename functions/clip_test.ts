import assert from "node:assert/strict";
import { array, clip, toNested, Variable } from "../mod.ts";
import { gradientCheck } from "../testing/mod.ts";
import { checkFixture, fixtureCases } from "./testdata/_fixtures.ts";

Deno.test("clip() matches PyTorch's clamp and its gradient", () => {
  for (const c of fixtureCases("clip")) {
    checkFixture(
      c,
      (x) => clip(x, c.params.min as number, c.params.max as number),
    );
  }
});

Deno.test("clip() passes the gradient on the bounds themselves, as DeZero", () => {
  const x = new Variable(array([-1, 0, 0.5, 1, 2]));
  const y = clip(x, 0, 1);
  y.backward();
  assert.deepEqual(toNested(y.data), [0, 0, 0.5, 1, 1]);
  assert.deepEqual(toNested(x.grad!.data), [0, 1, 1, 1, 0]);
});

Deno.test("clip() passes first- and second-order gradient checks away from the bounds", () => {
  const x = array([[-1.5, 0.3, 2], [0.7, -0.2, -3]]);
  gradientCheck((v) => clip(v, -1, 1), x);
  gradientCheck((v) => clip(v, -1, 1).square(), x, { order: 2 });
});

Deno.test("clip() accepts infinite bounds and rejects min > max or NaN", () => {
  assert.deepEqual(toNested(clip(array([-5, 5]), 0, Infinity).data), [0, 5]);
  assert.throws(() => clip(array([1]), 2, 1), {
    name: "RangeError",
    message: "Cannot clip to [2, 1]: Clip expects min <= max",
  });
  assert.throws(() => clip(array([1]), NaN, 1), {
    name: "TypeError",
    message: /Cannot clip with min NaN: Clip expects a number/,
  });
});
