import { describe } from "./_describe.ts";
import type { NestedNumbers } from "./array.ts";

/**
 * What {@linkcode toNested} returns: a number for a 0-d array, else nested
 * arrays with numbers at the bottom. An array's rank is known only at run
 * time, so the type lets you index as deep as the rank
 * (`toNested(a)[0][0]` for a 2-d `a`) and use what you reach as a number or
 * as an array. Index no deeper than the rank: past it you get `undefined`.
 *
 * @example
 * ```ts
 * import { array, type Nested, toNested } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const nested: Nested = toNested(array([[1, 2], [3, 4]]));
 * assert.deepEqual(nested, [[1, 2], [3, 4]]);
 * ```
 */
export type Nested = number & NestedList;

/**
 * The array side of {@linkcode Nested}: a fresh list of `Nested`, yours to
 * change.
 *
 * @example
 * ```ts
 * import { array, type NestedList, toNested } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const rows: NestedList = toNested(array([[1, 2], [3, 4]]));
 * rows.push(toNested(array([5, 6])));
 * assert.equal(rows.length, 3);
 * ```
 */
export interface NestedList extends Array<Nested> {}
import { type Float64NdArray, isFloat64NdArray, toFlat } from "./_ndarray.ts";

/**
 * Read an array back as nested JavaScript arrays (a number for 0-d), typed
 * so that indexing as deep as the array's rank type-checks.
 *
 * @param a A float64 ndarray, contiguous or not.
 * @returns Nested arrays in row-major order, or a number for a 0-d array.
 *
 * @example
 * ```ts
 * import { array, toNested } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const a = array([[1, 2], [3, 4]]);
 * assert.deepEqual(toNested(a.transpose(1, 0)), [[1, 3], [2, 4]]);
 * const corner: number = toNested(a)[1][1];
 * assert.equal(corner + 1, 5);
 * ```
 */
export function toNested(a: Float64NdArray): Nested {
  if (!isFloat64NdArray(a)) {
    throw new TypeError(
      `Cannot read ${describe(a)}: toNested() expects a float64 ndarray`,
    );
  }
  const flat = toFlat(a);
  const shape = a.shape;
  // The casts are where the run-time rank meets the static type; see Nested.
  if (shape.length === 0) return flat[0] as Nested;
  // Build from the innermost axis outwards: chunk the flat list repeatedly.
  // The number of chunks is the product of the outer lengths, counted
  // rather than derived from the list, so a length of 0 still leaves its
  // outer axes (zeros([2, 0]) is [[], []]).
  let level: NestedNumbers[] = Array.from(flat);
  for (let axis = shape.length - 1; axis > 0; axis--) {
    const length = shape[axis];
    let outer = 1;
    for (let before = 0; before < axis; before++) outer *= shape[before];
    const next: NestedNumbers[] = [];
    for (let chunk = 0; chunk < outer; chunk++) {
      next.push(level.slice(chunk * length, (chunk + 1) * length));
    }
    level = next;
  }
  return level as unknown as Nested;
}
