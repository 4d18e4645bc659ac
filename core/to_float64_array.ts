import { describe } from "./_describe.ts";
import { adoptArray, type Float64NdArray, toFlat } from "./_ndarray.ts";
import { Variable } from "./variable.ts";

/**
 * A fresh row-major copy of the elements of an array or a Variable's data: a
 * `Float64Array` of its own, safe to keep, modify or transfer.
 *
 * @param a A float64 ndarray or a Variable.
 * @returns A new `Float64Array` of `a`'s size.
 *
 * @example
 * ```ts
 * import { array, toFloat64Array, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([[1, 2], [3, 4]]));
 * assert.deepEqual(toFloat64Array(x.T), new Float64Array([1, 3, 2, 4]));
 * ```
 */
export function toFloat64Array(a: Float64NdArray | Variable): Float64Array {
  if (a instanceof Variable) return toFlat(a.data);
  const adopted = adoptArray("toFloat64Array()", a);
  if (adopted === undefined) {
    throw new TypeError(
      `Cannot copy ${
        describe(a)
      }: toFloat64Array() expects a float64 ndarray or a Variable`,
    );
  }
  return toFlat(adopted);
}
