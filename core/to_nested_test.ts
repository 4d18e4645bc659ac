// toNested(): nested arrays for any rank, typed so that indexing type-checks.

import assert from "node:assert/strict";
import {
  array,
  type Nested,
  type NestedNumbers,
  toNested,
  zeros,
} from "../mod.ts";

Deno.test("toNested(a)[0][0] type-checks and reads a number from a 2-d array", () => {
  const a = array([[1, 2, 3], [4, 5, 6]]);
  // Each of these lines is a type error if toNested returns a plain union.
  const first: number = toNested(a)[0][0];
  const last: number = toNested(a)[1][2];
  const row: readonly number[] = toNested(a)[1];
  assert.equal(first + last, 7);
  assert.deepEqual(row, [4, 5, 6]);
  assert.equal(toNested(a).length, 2);
  assert.deepEqual(toNested(a).map((r) => r.length), [3, 3]);
});

Deno.test("toNested() is correct for 0-d to 4-d arrays and empty axes", () => {
  assert.equal(toNested(array(2.5)), 2.5);
  assert.deepEqual(toNested(array([1, 2])), [1, 2]);
  assert.deepEqual(toNested(array([[1], [2]])), [[1], [2]]);
  const cube = array([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]);
  assert.equal(toNested(cube)[1][0][1], 6);
  const four = array(new Float64Array(24).map((_, i) => i), {
    shape: [2, 3, 2, 2],
  });
  // Element [i][j][k][l] sits at 12i + 4j + 2k + l in row-major order.
  assert.equal(toNested(four)[1][2][1][0], 12 + 8 + 2);
  assert.deepEqual(toNested(zeros([0])), []);
  assert.deepEqual(toNested(zeros([2, 0])), [[], []]);
  assert.deepEqual(toNested(zeros([2, 0, 3])), [[], []]);
  assert.deepEqual(toNested(zeros([1, 2, 0])), [[[], []]]);
  assert.deepEqual(toNested(zeros([0, 2])), []);
});

Deno.test("toNested() results still feed array() and NestedNumbers", () => {
  const a = array([[1, 2], [3, 4]]);
  const nested: NestedNumbers = toNested(a);
  const back: Nested = toNested(array(nested));
  assert.deepEqual(back, [[1, 2], [3, 4]]);
});
