import { describe } from "./_describe.ts";
import { ensurePrinting, formatArray } from "./_format.ts";
import { type Float64NdArray, isFloat64NdArray } from "./_ndarray.ts";

/**
 * Format an array exactly as NumPy's `str()` formats the same float64 array
 * (`[[1. 2.]\n [3. 4.]]`, 8 significant digits, `...` past 1000 elements),
 * which is also what `console.log` and `String()` show for arrays made by
 * this library.
 *
 * @param a A float64 ndarray.
 * @returns The text.
 *
 * @example
 * ```ts
 * import { array, format } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * assert.equal(format(array([[1.5, -2], [10, 0]])), "[[ 1.5 -2. ]\n [10.   0. ]]");
 * ```
 */
export function format(a: Float64NdArray): string {
  if (!isFloat64NdArray(a)) {
    throw new TypeError(
      `Cannot format ${describe(a)}: format() expects a float64 ndarray`,
    );
  }
  ensurePrinting(a);
  return formatArray(a);
}
