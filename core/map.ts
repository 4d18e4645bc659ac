import { describe } from "./_describe.ts";
import {
  type Float64NdArray,
  forEachRow,
  isFloat64NdArray,
  zerosOf,
} from "./_ndarray.ts";

/**
 * A new array with `fn` applied to every element of `a`, in the shape of `a`.
 * Handy for writing the `forward` and `backward` of your own functions.
 *
 * @param a A float64 ndarray, contiguous or not.
 * @param fn The function applied to each element.
 * @returns A new contiguous array of the same shape.
 *
 * @example
 * ```ts
 * import { array, map } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * assert.equal(String(map(array([[1, 2], [3, 4]]), (v) => v ** 3)), "[[ 1.  8.]\n [27. 64.]]");
 * ```
 */
export function map(
  a: Float64NdArray,
  fn: (value: number) => number,
): Float64NdArray {
  if (!isFloat64NdArray(a)) {
    throw new TypeError(
      `Cannot map over ${describe(a)}: map() expects a float64 ndarray`,
    );
  }
  if (typeof fn !== "function") {
    throw new TypeError(
      `Cannot map with ${describe(fn)}: map() expects a function`,
    );
  }
  const out = zerosOf(a.shape);
  const target = out.data;
  const source = a.data;
  let k = out.offset;
  forEachRow(a, (offset, stride, length) => {
    for (let i = 0; i < length; i++) {
      target[k++] = fn(source[offset + i * stride]);
    }
  });
  return out;
}
