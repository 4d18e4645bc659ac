// The IDX format (Yann LeCun's MNIST page): two zero bytes, an element type
// byte, the number of dimensions, each dimension as a big-endian uint32, then
// the elements big-endian in C order. Gzipped files are unpacked first.

import { gunzipSync } from "fflate";
import { crc32 } from "./_zip_checksums.ts";
import { array } from "../core/array.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";

// The third byte of the magic number: element type and size.
const IDX_TYPES: Record<number, { name: string; size: number }> = {
  0x08: { name: "unsigned byte", size: 1 },
  0x09: { name: "signed byte", size: 1 },
  0x0b: { name: "short", size: 2 },
  0x0c: { name: "int", size: 4 },
  0x0d: { name: "float", size: 4 },
  0x0e: { name: "double", size: 8 },
};

/** An IDX file's element type byte, rank and elements as float64. */
export interface IdxContent {
  type: number;
  ndim: number;
  array: Float64NdArray;
}

/**
 * Decode an IDX file, gzipped or not. `where` names it in errors, `caller`
 * the public function.
 */
export function decodeIdx(
  bytes: Uint8Array,
  where: string,
  caller: string,
): IdxContent {
  const fail = (ErrorType: typeof TypeError, detail: string): never => {
    throw new ErrorType(`Cannot read ${where}: ${caller}() ${detail}`);
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
  return { type: bytes[2], ndim, array: array(out, { shape }) };
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
