import { describe } from "./_describe.ts";
import { allocate, checkShape } from "./_check_shape.ts";
import { type Float64NdArray, sizeOf } from "./_ndarray.ts";

/**
 * A new float64 ndarray of the given shape filled with `value`.
 *
 * @param shape The shape, `[]` for a 0-d array.
 * @param value The fill value.
 * @returns A new contiguous array.
 *
 * @example
 * ```ts
 * import { full } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * assert.equal(String(full([3], 1)), "[1. 1. 1.]");
 * ```
 */
export function full(shape: readonly number[], value: number): Float64NdArray {
  const checked = checkShape("full()", shape);
  if (typeof value !== "number") {
    throw new TypeError(
      `Cannot fill with ${describe(value)}: full() expects a number`,
    );
  }
  const out = allocate("full()", checked);
  out.data.fill(value, out.offset, out.offset + sizeOf(checked));
  return out;
}
