import { readNpy } from "./_npy_format.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";

/**
 * Options of {@linkcode decodeNpy}.
 *
 * @example
 * ```ts
 * import { decodeNpy } from "@dezero/core/io";
 * import assert from "node:assert/strict";
 *
 * assert.throws(
 *   () => decodeNpy(new Uint8Array([1, 2, 3]), { source: "x.npy" }),
 *   /x\.npy/,
 * );
 * ```
 */
export interface DecodeNpyOptions {
  /** The file name to show in error messages. */
  source?: string;
}

/**
 * Decode the bytes of a NumPy `.npy` file into a new float64 array in C
 * order. Reads format versions 1.0, 2.0 and 3.0, C and Fortran order, 0-d
 * and empty arrays, and every bool, integer and float dtype (`|b1`, `|i1`,
 * `<i2`, `<i4`, `<i8`, `|u1`, `<u2`, `<u4`, `<u8`, `<f2`, `<f4`, `<f8`) in
 * either byte order; all of them become float64 (64-bit integers beyond 2^53
 * round to the nearest double). Object, string, complex, datetime and
 * structured dtypes throw a `TypeError` naming the dtype, and a truncated file
 * throws a `RangeError`.
 *
 * @param bytes The whole file.
 * @param options `source`, the file name for error messages.
 * @returns A new contiguous float64 array of the file's shape.
 *
 * @example
 * ```ts
 * import { array, toNested } from "@dezero/core";
 * import { decodeNpy, encodeNpy } from "@dezero/core/io";
 * import assert from "node:assert/strict";
 *
 * const a = decodeNpy(encodeNpy(array([1.5, -2])));
 * assert.deepEqual(toNested(a), [1.5, -2]);
 * assert.throws(
 *   () => decodeNpy(new Uint8Array([80, 75, 3, 4]), { source: "w.npy" }),
 *   /Cannot decode 'w.npy'/,
 * );
 * ```
 */
export function decodeNpy(
  bytes: Uint8Array,
  options: DecodeNpyOptions = {},
): Float64NdArray {
  const where = options.source === undefined
    ? "the .npy data"
    : `'${options.source}'`;
  return readNpy(bytes, where, "decodeNpy");
}
