import { describe } from "./_describe.ts";
import type { NestedNumbers } from "./array.ts";
import { type Float64NdArray, isFloat64NdArray, toFlat } from "./_ndarray.ts";

/**
 * Read an array back as nested JavaScript arrays (a number for 0-d).
 *
 * @param a A float64 ndarray, contiguous or not.
 * @returns Nested arrays in row-major order.
 *
 * @example
 * ```ts
 * import { array, toNested } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const a = array([[1, 2], [3, 4]]);
 * assert.deepEqual(toNested(a.transpose(1, 0)), [[1, 3], [2, 4]]);
 * ```
 */
export function toNested(a: Float64NdArray): NestedNumbers {
  if (!isFloat64NdArray(a)) {
    throw new TypeError(
      `Cannot read ${describe(a)}: toNested() expects a float64 ndarray`,
    );
  }
  const flat = toFlat(a);
  const shape = a.shape;
  if (shape.length === 0) return flat[0];
  // Build from the innermost axis outwards: chunk the flat list repeatedly.
  let level: NestedNumbers[] = Array.from(flat);
  for (let axis = shape.length - 1; axis > 0; axis--) {
    const next: NestedNumbers[] = [];
    for (let i = 0; i < level.length; i += shape[axis]) {
      next.push(level.slice(i, i + shape[axis]));
    }
    level = next;
  }
  return level;
}
