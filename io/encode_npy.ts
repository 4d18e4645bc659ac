import { writeNpy } from "./_write_npy.ts";
import { describe } from "../core/_describe.ts";
import { type Float64NdArray, isFloat64NdArray } from "../core/_ndarray.ts";

/**
 * Encode a float64 array as the bytes of a NumPy `.npy` file, exactly as
 * `np.save` writes a C-ordered float64 array (format 1.0, dtype `<f8`).
 *
 * @param a The array, contiguous or not; 0-d and empty arrays work.
 * @returns The bytes of the `.npy` file.
 *
 * @example
 * ```ts
 * import { array, toNested } from "@dezero/core";
 * import { decodeNpy, encodeNpy } from "@dezero/core/io";
 * import assert from "node:assert/strict";
 *
 * const bytes = encodeNpy(array([[1, 2], [3, 4]]));
 * assert.equal(bytes.length, 128 + 4 * 8);
 * assert.deepEqual(toNested(decodeNpy(bytes)), [[1, 2], [3, 4]]);
 * ```
 */
export function encodeNpy(a: Float64NdArray): Uint8Array {
  if (!isFloat64NdArray(a)) {
    throw new TypeError(
      `Cannot encode ${describe(a)}: encodeNpy() expects a float64 ndarray`,
    );
  }
  return writeNpy(a);
}
