import { describe } from "./_describe.ts";
import { type Float64NdArray, isFloat64NdArray, scalarOf } from "./_ndarray.ts";

/**
 * Turn a number into a 0-d float64 ndarray and pass a float64 ndarray through,
 * as DeZero's `as_array` does for NumPy scalars.
 *
 * @param value A number or a float64 ndarray.
 * @returns A float64 ndarray.
 *
 * @example
 * ```ts
 * import { asArray } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const a = asArray(2);
 * assert.deepEqual(a.shape, []);
 * assert.equal(a.get(), 2);
 * assert.equal(asArray(a), a);
 * ```
 */
export function asArray(value: number | Float64NdArray): Float64NdArray {
  if (typeof value === "number") return scalarOf(value);
  if (isFloat64NdArray(value)) return value;
  throw new TypeError(
    `Cannot convert ${
      describe(value)
    } to an array: asArray() expects a number or a float64 ndarray`,
  );
}
