import { describe } from "./_describe.ts";
import { adoptArray, type Float64NdArray } from "./_ndarray.ts";
import { itemOf } from "./_item_of.ts";
import { Variable } from "./variable.ts";

/**
 * The single value of an array (or Variable) of one element, as a number.
 *
 * @param a A float64 ndarray or a Variable with exactly one element.
 * @returns The value.
 * @throws {RangeError} If `a` has more or fewer than one element.
 *
 * @example
 * ```ts
 * import { array, item } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * assert.equal(item(array([7])), 7);
 * assert.throws(() => item(array([1, 2])), RangeError);
 * ```
 */
export function item(a: Float64NdArray | Variable): number {
  if (a instanceof Variable) return itemOf("item()", a.data);
  const adopted = adoptArray("item()", a);
  if (adopted === undefined) {
    throw new TypeError(
      `Cannot read a number from ${
        describe(a)
      }: item() expects a float64 ndarray or a Variable`,
    );
  }
  return itemOf("item()", adopted);
}
