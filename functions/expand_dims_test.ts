import assert from "node:assert/strict";
import { array, expandDims, Variable, zeros } from "../mod.ts";
import { gradientCheck } from "../testing/mod.ts";

Deno.test("expandDims() inserts an axis of length 1 where NumPy's expand_dims does", () => {
  const x = new Variable(zeros([2, 3]));
  assert.deepEqual(expandDims(x, 0).shape, [1, 2, 3]);
  assert.deepEqual(expandDims(x, 1).shape, [2, 1, 3]);
  assert.deepEqual(expandDims(x, 2).shape, [2, 3, 1]);
  assert.deepEqual(expandDims(x, -1).shape, [2, 3, 1]);
  assert.deepEqual(expandDims(x, -3).shape, [1, 2, 3]);
  assert.deepEqual(expandDims(array(5), 0).shape, [1]);
});

Deno.test("expandDims() reshapes the gradient back and rejects bad axes", () => {
  const x = array([[1, 2, 3], [4, 5, 6]]);
  gradientCheck((v) => expandDims(v, 1), x);
  gradientCheck((v) => expandDims(v, 1).square(), x, { order: 2 });
  assert.throws(() => expandDims(x, 3), {
    name: "RangeError",
    message:
      "Cannot insert an axis at 3 into shape [2,3]: expandDims expects an axis in -3..2",
  });
  assert.throws(() => expandDims(x, 0.5), { name: "TypeError" });
});
