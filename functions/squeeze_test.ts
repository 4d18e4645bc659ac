import assert from "node:assert/strict";
import { array, squeeze, toNested, Variable } from "../mod.ts";
import { gradientCheck } from "../testing/mod.ts";

Deno.test("squeeze() removes the given axes of length 1, or all of them", () => {
  const x = new Variable(array([[[1], [2], [3]]]));
  assert.deepEqual(squeeze(x).shape, [3]);
  assert.deepEqual(squeeze(x, 0).shape, [3, 1]);
  assert.deepEqual(squeeze(x, [-1, 0]).shape, [3]);
  assert.deepEqual(toNested(squeeze(x).data), [1, 2, 3]);
  gradientCheck((v) => squeeze(v, 2), x);
  gradientCheck((v) => squeeze(v).square(), x, { order: 2 });
  assert.throws(() => squeeze(x, 1), {
    name: "TypeError",
    message:
      "Cannot squeeze axis 1 of shape [1,3,1]: squeeze expects axes of length 1, axis 1 has length 3",
  });
  assert.throws(() => squeeze(x, 3), { name: "RangeError" });
});
