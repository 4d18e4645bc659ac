import { gunzipSync } from "fflate";
import { crc32 } from "./_zip_checksums.ts";
import { array } from "../core/array.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";

/** Options of {@linkcode readIdx}. */
export interface ReadIdxOptions {
  /** The file name to show in error messages. */
  source?: string;
}

// The third byte of the magic number: element type and size.
const IDX_TYPES: Record<number, { name: string; size: number }> = {
  0x08: { name: "unsigned byte", size: 1 },
  0x09: { name: "signed byte", size: 1 },
  0x0b: { name: "short", size: 2 },
  0x0c: { name: "int", size: 4 },
  0x0d: { name: "float", size: 4 },
  0x0e: { name: "double", size: 8 },
};

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
  const fail = (ErrorType: typeof TypeError, detail: string): never => {
    throw new ErrorType(`Cannot read ${where}: readIdx() ${detail}`);
  };
  if (!(bytes instanceof Uint8Array)) {
    fail(TypeError, "expects the file's bytes as a Uint8Array");
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzip(bytes, fail);
  const type = IDX_TYPES[bytes[2]];
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0 || !type) {
    fail(
      TypeError,
      `found magic number ${formatMagic(bytes)}, expected 0x000008NN to ` +
        "0x00000eNN (an IDX file, such as 0x00000803 for MNIST images or " +
        "0x00000801 for labels)",
    );
  }
  const ndim = bytes[3];
  const dataStart = 4 + 4 * ndim;
  if (bytes.length < dataStart) {
    fail(
      RangeError,
      `found ${bytes.length} bytes, expected at least ${dataStart} for the magic number and ${ndim} dimensions`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shape = Array.from(
    { length: ndim },
    (_, i) => view.getUint32(4 + 4 * i),
  );
  const size = shape.reduce((product, n) => product * n, 1);
  const dataLength = bytes.length - dataStart;
  if (size * type.size !== dataLength) {
    fail(
      RangeError,
      `found ${dataLength} bytes of data, expected ${
        size * type.size
      } for ${type.name} dimensions [${shape.join(",")}]`,
    );
  }
  const out = new Float64Array(size);
  const at = dataStart;
  switch (bytes[2]) {
    case 0x08:
      for (let i = 0; i < size; i++) out[i] = bytes[at + i];
      break;
    case 0x09:
      for (let i = 0; i < size; i++) out[i] = view.getInt8(at + i);
      break;
    case 0x0b:
      for (let i = 0; i < size; i++) out[i] = view.getInt16(at + 2 * i);
      break;
    case 0x0c:
      for (let i = 0; i < size; i++) out[i] = view.getInt32(at + 4 * i);
      break;
    case 0x0d:
      for (let i = 0; i < size; i++) out[i] = view.getFloat32(at + 4 * i);
      break;
    case 0x0e:
      for (let i = 0; i < size; i++) out[i] = view.getFloat64(at + 8 * i);
      break;
  }
  return array(out, { shape });
}

function gunzip(
  bytes: Uint8Array,
  fail: (ErrorType: typeof TypeError, detail: string) => never,
): Uint8Array {
  let out: Uint8Array = bytes;
  try {
    if (bytes.length < 18) {
      throw new Error("shorter than a gzip header and trailer");
    }
    // fflate allocates the output from the trailer's length field; in a
    // truncated file those bytes are arbitrary. Deflate expands at most
    // 1032-fold, so a larger claim is corruption, not a big file.
    const claimed = new DataView(bytes.buffer, bytes.byteOffset)
      .getUint32(bytes.length - 4, true);
    if (claimed > bytes.length * 1032) {
      throw new Error(
        `the trailer claims ${claimed} bytes from ${bytes.length} compressed bytes`,
      );
    }
    out = gunzipSync(bytes);
  } catch (error) {
    return fail(
      TypeError,
      `found a corrupt or truncated gzip stream: ${(error as Error).message}`,
    );
  }
  // fflate does not check the gzip trailer: CRC-32, then length mod 2^32.
  const trailer = new DataView(
    bytes.buffer,
    bytes.byteOffset + bytes.length - 8,
    8,
  );
  if (
    trailer.getUint32(0, true) !== crc32(out) ||
    trailer.getUint32(4, true) !== out.length % 2 ** 32
  ) {
    fail(
      TypeError,
      "found a gzip stream whose CRC-32 or length does not match its content",
    );
  }
  return out;
}

function formatMagic(bytes: Uint8Array): string {
  if (bytes.length < 4) return `of ${bytes.length} bytes only`;
  return "0x" +
    Array.from(
      bytes.subarray(0, 4),
      (byte) => byte.toString(16).padStart(2, "0"),
    ).join("");
}
