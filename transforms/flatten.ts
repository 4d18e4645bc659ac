import { copyOf, type Float64NdArray, view } from "../core/_ndarray.ts";
import { checkArray } from "./_apply.ts";

/**
 * Flatten an array to one dimension (a copy in row-major order), as DeZero's
 * `Flatten`.
 *
 * @example
 * ```ts
 * import { array } from "@dezero/core";
 * import { Flatten } from "@dezero/core/transforms";
 * import assert from "node:assert/strict";
 *
 * const x = new Flatten().call(array([[[1, 2], [3, 4]]]));
 * assert.deepEqual(x.shape, [4]);
 * assert.equal(x.get(2), 3);
 * ```
 */
export class Flatten {
  /**
   * Flatten `x`.
   *
   * @param x The input array.
   * @returns A new 1-d array with the elements of `x` in row-major order.
   */
  call(x: Float64NdArray): Float64NdArray {
    const copy = copyOf(checkArray("Flatten", x));
    const size = copy.shape.reduce((a, b) => a * b, 1);
    return view(copy.data, [size], [1], copy.offset);
  }
}
