import assert from "node:assert/strict";
import { array, flatten, toNested, Variable, zeros } from "../mod.ts";
import { gradientCheck } from "../testing/mod.ts";

Deno.test("flatten() keeps the batch axis and joins the rest, as DeZero", () => {
  const x = new Variable(array([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]));
  const y = flatten(x);
  assert.deepEqual(toNested(y.data), [[1, 2, 3, 4], [5, 6, 7, 8]]);
  assert.deepEqual(flatten(zeros([3])).shape, [3, 1]);
  assert.deepEqual(flatten(zeros([0, 4])).shape, [0, 4]);
  gradientCheck((v) => flatten(v), x);
  gradientCheck((v) => flatten(v).square(), x, { order: 2 });
  assert.throws(() => flatten(array(1)), {
    name: "TypeError",
    message: /Cannot flatten shape \[\]: flatten .* at least 1 axis/,
  });
});
