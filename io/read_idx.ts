import { decodeIdx } from "./_idx.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";

/**
 * Options of {@linkcode readIdx}.
 *
 * @example The source names the file in errors
 * ```ts
 * import { type ReadIdxOptions, readIdx } from "@dezero/core/io";
 * import assert from "node:assert/strict";
 *
 * const options: ReadIdxOptions = { source: "labels.idx" };
 * assert.throws(() => readIdx(new Uint8Array([1, 2]), options), /labels\.idx/);
 * ```
 */
export interface ReadIdxOptions {
  /** The file name to show in error messages. */
  source?: string;
}

/**
 * Read an IDX file, the format of the MNIST files (`train-images-idx3-ubyte`,
 * magic number 0x00000803 for uint8 images; `...-labels-idx1-ubyte`,
 * 0x00000801 for uint8 labels), plain or gzipped (`.gz`, detected from the
 * content, CRC-32 checked). Every IDX element type (unsigned and signed byte,
 * short, int, float, double; big-endian) becomes float64 with its value
 * unchanged, so MNIST pixels stay 0 to 255 as DeZero's MNIST gives them.
 * A bad magic number or a length that does not match the dimensions throws a
 * `TypeError` or `RangeError` naming the file.
 *
 * @param bytes The whole file, gzipped or not.
 * @param options `source`, the file name for error messages.
 * @returns A new float64 array whose shape is the file's dimensions.
 *
 * @example Labels 7, 2, 1 as an IDX file
 * ```ts
 * import { toNested } from "@dezero/core";
 * import { readIdx } from "@dezero/core/io";
 * import assert from "node:assert/strict";
 *
 * const labels = new Uint8Array([0, 0, 0x08, 1, 0, 0, 0, 3, 7, 2, 1]);
 * assert.deepEqual(toNested(readIdx(labels)), [7, 2, 1]);
 * ```
 */
export function readIdx(
  bytes: Uint8Array,
  options: ReadIdxOptions = {},
): Float64NdArray {
  const where = options.source === undefined
    ? "the IDX data"
    : `'${options.source}'`;
  return decodeIdx(bytes, where, "readIdx").array;
}
