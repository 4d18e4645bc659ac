import { allocate, checkShape } from "./_check_shape.ts";
import type { Float64NdArray } from "./_ndarray.ts";

/**
 * A new float64 ndarray of the given shape filled with zeros.
 *
 * @param shape The shape, `[]` for a 0-d array.
 * @returns A new contiguous array.
 *
 * @example
 * ```ts
 * import { zeros } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * assert.equal(String(zeros([2, 3])), "[[0. 0. 0.]\n [0. 0. 0.]]");
 * ```
 */
export function zeros(shape: readonly number[]): Float64NdArray {
  return allocate("zeros()", checkShape("zeros()", shape));
}
