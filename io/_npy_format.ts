// The `.npy` format (NumPy's `numpy/lib/format.py`): the magic string
// `\x93NUMPY`, a major and minor version byte, the header length (2 bytes in
// version 1.0, 4 in 2.0 and 3.0, little-endian), the header (a Python dict
// literal, latin-1 in 1.0 and 2.0, UTF-8 in 3.0, padded with spaces to a
// multiple of 64 bytes and ended by a newline), then the raw elements.

import { parseDtype, readElements } from "./_npy_dtype.ts";
import { parsePythonLiteral, type PythonValue } from "./_python_literal.ts";
import { array } from "../core/array.ts";
import {
  contiguousStrides,
  copyOf,
  type Float64NdArray,
  view,
} from "../core/_ndarray.ts";

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const ALIGN = 64;
// NumPy refuses headers above 10,000 characters unless told to trust the file.
const MAX_HEADER = 10000;

/**
 * Decode a whole `.npy` file into a new C-ordered float64 array. `where`
 * names the data in errors (`'x.npy'`, `'w.npz' member 'l0/W.npy'`), `caller`
 * the public function. Nothing is allocated for the elements before the
 * header and the data length have been checked.
 */
export function readNpy(
  bytes: Uint8Array,
  where: string,
  caller: string,
): Float64NdArray {
  const fail = (ErrorType: typeof TypeError, detail: string): never => {
    throw new ErrorType(`Cannot decode ${where}: ${caller}() ${detail}`);
  };
  if (!(bytes instanceof Uint8Array)) {
    fail(TypeError, "expects the file's bytes as a Uint8Array");
  }
  if (bytes.length < 10 || MAGIC.some((byte, i) => bytes[i] !== byte)) {
    fail(
      TypeError,
      `found ${
        formatStart(bytes)
      }, expected a .npy file starting with the magic string "\\x93NUMPY"`,
    );
  }
  const major = bytes[6];
  const minor = bytes[7];
  if (![1, 2, 3].includes(major) || minor !== 0) {
    fail(
      TypeError,
      `found format version ${major}.${minor}, expected 1.0, 2.0 or 3.0`,
    );
  }
  const lengthBytes = major === 1 ? 2 : 4;
  const headerStart = 8 + lengthBytes;
  if (bytes.length < headerStart) {
    fail(RangeError, "found a truncated file: it ends inside the header");
  }
  const lengths = new DataView(bytes.buffer, bytes.byteOffset, headerStart);
  const headerLength = major === 1
    ? lengths.getUint16(8, true)
    : lengths.getUint32(8, true);
  if (headerLength > MAX_HEADER) {
    fail(
      RangeError,
      `found a header of ${headerLength} bytes, expected at most ${MAX_HEADER}`,
    );
  }
  const dataStart = headerStart + headerLength;
  if (bytes.length < dataStart) {
    fail(
      RangeError,
      `found a truncated file: the header needs ${dataStart} bytes, the file has ${bytes.length}`,
    );
  }
  const headerBytes = bytes.subarray(headerStart, dataStart);
  const headerText = new TextDecoder(major === 3 ? "utf-8" : "latin1")
    .decode(headerBytes);
  let header: PythonValue;
  try {
    header = parsePythonLiteral(headerText);
  } catch (error) {
    return fail(
      TypeError,
      `cannot parse the header ${JSON.stringify(headerText.trim())}: ${
        (error as Error).message
      }`,
    );
  }
  const { descr, fortranOrder, shape } = checkHeader(header, fail);
  const dtype = parseDtype(descr);
  if (typeof dtype === "string") {
    return fail(
      TypeError,
      `found dtype ${dtype}, expected a bool, integer or float dtype such as '<f8'`,
    );
  }
  const size = shape.reduce((product, n) => product * n, 1);
  const dataLength = bytes.length - dataStart;
  if (size * dtype.itemSize !== dataLength) {
    fail(
      RangeError,
      `found ${dataLength} bytes of data, expected ${
        size * dtype.itemSize
      } for shape (${shape.join(", ")}) of dtype '${descr}'${
        dataLength < size * dtype.itemSize ? " (the file is truncated)" : ""
      }`,
    );
  }
  const flat = readElements(bytes, dataStart, size, dtype);
  if (!fortranOrder || shape.length < 2) return array(flat, { shape });
  // Fortran order stores the transpose in C order: view it so, then copy the
  // transpose back into C order.
  const reversed = [...shape].reverse();
  const axes = reversed.map((_, axis) => reversed.length - 1 - axis);
  const transposed = view(flat, reversed, contiguousStrides(reversed), 0)
    .transpose(...axes);
  return copyOf(transposed);
}

function checkHeader(
  header: PythonValue,
  fail: (ErrorType: typeof TypeError, detail: string) => never,
): { descr: string; fortranOrder: boolean; shape: number[] } {
  if (
    header === null || typeof header !== "object" || header.kind !== "dict"
  ) {
    return fail(TypeError, "found a header that is not a dict");
  }
  const keys = [...header.entries.keys()].sort();
  if (keys.join() !== "descr,fortran_order,shape") {
    fail(
      TypeError,
      `found header keys ${
        JSON.stringify(keys)
      }, expected "descr", "fortran_order" and "shape"`,
    );
  }
  const descr = header.entries.get("descr");
  if (typeof descr !== "string") {
    return fail(
      TypeError,
      `found a structured dtype ${
        describeLiteral(descr)
      }, expected a bool, integer or float dtype such as '<f8'`,
    );
  }
  const fortranOrder = header.entries.get("fortran_order");
  if (typeof fortranOrder !== "boolean") {
    return fail(TypeError, "found a fortran_order that is not True or False");
  }
  const shape = header.entries.get("shape");
  if (
    shape === null || typeof shape !== "object" || shape.kind !== "tuple" ||
    !shape.items.every((n) =>
      typeof n === "number" && Number.isSafeInteger(n) && n >= 0
    )
  ) {
    return fail(
      TypeError,
      `found shape ${
        describeLiteral(shape)
      }, expected a tuple of non-negative integers`,
    );
  }
  return { descr, fortranOrder, shape: shape.items as number[] };
}

/**
 * The bytes of a version 1.0 header (2.0 when it would not fit) for a
 * C-ordered little-endian float64 array: the exact bytes `np.save` writes,
 * including the spare spaces NumPy leaves for the first axis to grow.
 */
export function formatNpyHeader(shape: readonly number[]): Uint8Array {
  const shapeText = shape.length === 1
    ? `(${shape[0]},)`
    : `(${shape.join(", ")})`;
  let header =
    `{'descr': '<f8', 'fortran_order': False, 'shape': ${shapeText}, }`;
  if (shape.length > 0) header += " ".repeat(21 - String(shape[0]).length);
  for (const [major, lengthBytes] of [[1, 2], [2, 4]]) {
    const used = 8 + lengthBytes + header.length + 1;
    const padding = ALIGN - (used % ALIGN);
    const headerLength = header.length + 1 + padding;
    if (lengthBytes === 2 && headerLength > 0xffff) continue;
    const out = new Uint8Array(8 + lengthBytes + headerLength);
    out.set(MAGIC);
    out[6] = major;
    out[7] = 0;
    const lengths = new DataView(out.buffer);
    if (lengthBytes === 2) lengths.setUint16(8, headerLength, true);
    else lengths.setUint32(8, headerLength, true);
    const text = header + " ".repeat(padding) + "\n";
    for (let i = 0; i < text.length; i++) {
      out[8 + lengthBytes + i] = text.charCodeAt(i);
    }
    return out;
  }
  throw new RangeError(`Cannot write a header for ${shapeText}`);
}

function formatStart(bytes: Uint8Array): string {
  if (bytes.length === 0) return "an empty file";
  const start = Array.from(
    bytes.subarray(0, 6),
    (byte) =>
      byte >= 0x20 && byte < 0x7f && byte !== 0x22
        ? String.fromCharCode(byte)
        : `\\x${byte.toString(16).padStart(2, "0")}`,
  ).join("");
  return `"${start}"${
    bytes.length < 10 ? ` (only ${bytes.length} bytes)` : ""
  }`;
}

function describeLiteral(value: PythonValue | undefined): string {
  if (value === undefined) return "nothing";
  if (value === null) return "None";
  if (typeof value !== "object") return JSON.stringify(value);
  if (value.kind === "dict") return "a dict";
  return `a ${value.kind} of ${value.items.length} items`;
}
