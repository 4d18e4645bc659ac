import { describe } from "./_describe.ts";
import {
  type Float64NdArray,
  formatShape,
  isFloat64NdArray,
  sameShape,
  toFlat,
  zerosOf,
} from "./_ndarray.ts";

/**
 * A new array with `fn` applied to the elements of `a` and `b` pairwise. The
 * shapes must be equal.
 *
 * @param a A float64 ndarray.
 * @param b A float64 ndarray of the same shape.
 * @param fn The function applied to each pair.
 * @returns A new contiguous array of the shared shape.
 *
 * @example
 * ```ts
 * import { array, zipWith } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * assert.equal(String(zipWith(array([1, 2]), array([10, 20]), (p, q) => p * q)), "[10. 40.]");
 * ```
 */
export function zipWith(
  a: Float64NdArray,
  b: Float64NdArray,
  fn: (a: number, b: number) => number,
): Float64NdArray {
  for (const operand of [a, b]) {
    if (!isFloat64NdArray(operand)) {
      throw new TypeError(
        `Cannot zip ${describe(operand)}: zipWith() expects float64 ndarrays`,
      );
    }
  }
  if (!sameShape(a.shape, b.shape)) {
    throw new TypeError(
      `Cannot zip shapes ${formatShape(a.shape)} and ${
        formatShape(b.shape)
      }: zipWith() expects equal shapes`,
    );
  }
  if (typeof fn !== "function") {
    throw new TypeError(
      `Cannot zip with ${describe(fn)}: zipWith() expects a function`,
    );
  }
  const av = toFlat(a);
  const bv = toFlat(b);
  const out = zerosOf(a.shape);
  for (let i = 0; i < av.length; i++) {
    out.data[out.offset + i] = fn(av[i], bv[i]);
  }
  return out;
}
