// NumPy dtype strings (`'<f8'`, `'|u1'`, `'>i4'`) and the readers that turn
// their bytes into float64. Everything a `.npy` file can hold that is a plain
// number (bool, signed and unsigned integers, half, single and double floats,
// in either byte order) converts; the rest is named in the error.

/** A numeric dtype we can read. */
export interface NumericDtype {
  /** The dtype string as the file spells it, e.g. `<f8`. */
  readonly descr: string;
  /** `b` bool, `i` signed integer, `u` unsigned integer, `f` float. */
  readonly kind: "b" | "i" | "u" | "f";
  /** Bytes per element. */
  readonly itemSize: number;
  readonly littleEndian: boolean;
}

const NUMERIC_SIZES: Record<string, readonly number[]> = {
  b: [1],
  i: [1, 2, 4, 8],
  u: [1, 2, 4, 8],
  f: [2, 4, 8],
};

const OTHER_KINDS: Record<string, string> = {
  O: "Python objects",
  U: "unicode strings",
  S: "byte strings",
  a: "byte strings",
  V: "raw bytes or records",
  c: "complex numbers",
  M: "datetimes",
  m: "timedeltas",
};

/**
 * The numeric dtype that `descr` names, or a string saying why it cannot be
 * read (`'<U5' (unicode strings)`), for the caller's error message.
 */
export function parseDtype(descr: string): NumericDtype | string {
  const match = /^([<>|=]?)([a-zA-Z])([0-9]*)(\[[0-9a-zA-Z]+\])?$/.exec(descr);
  if (match === null) return `'${descr}' (not a NumPy dtype string)`;
  const [, order, kind, digits] = match;
  const other = OTHER_KINDS[kind];
  if (other !== undefined) return `'${descr}' (${other})`;
  const sizes = NUMERIC_SIZES[kind];
  const itemSize = Number(digits);
  if (sizes === undefined || !sizes.includes(itemSize)) {
    return `'${descr}' (no ${kind}${digits} numeric type)`;
  }
  if (itemSize > 1 && order === "|") {
    return `'${descr}' (byte order '|' for a ${itemSize}-byte type)`;
  }
  // '=' is the writer's native order; every machine NumPy writes these on
  // today is little-endian, and files from NumPy spell out '<' anyway.
  const littleEndian = order !== ">";
  return { descr, kind: kind as NumericDtype["kind"], itemSize, littleEndian };
}

/**
 * Read `count` elements of `dtype` starting at byte `start` of `bytes` into a
 * new `Float64Array`. 64-bit integers beyond 2^53 round to the nearest double,
 * as NumPy's `astype(float64)` does.
 */
export function readElements(
  bytes: Uint8Array,
  start: number,
  count: number,
  dtype: NumericDtype,
): Float64Array {
  const out = new Float64Array(count);
  if (count === 0) return out;
  const view = new DataView(bytes.buffer, bytes.byteOffset + start);
  const little = dtype.littleEndian;
  const key = `${dtype.kind}${dtype.itemSize}`;
  if (key === "f8" && little && HOST_IS_LITTLE_ENDIAN) {
    // The common case: copy the bytes as they are (the source may sit at any
    // alignment, so go through a byte view of the new array).
    new Uint8Array(out.buffer).set(bytes.subarray(start, start + 8 * count));
    return out;
  }
  switch (key) {
    case "b1":
      for (let i = 0; i < count; i++) out[i] = view.getUint8(i) === 0 ? 0 : 1;
      break;
    case "i1":
      for (let i = 0; i < count; i++) out[i] = view.getInt8(i);
      break;
    case "u1":
      for (let i = 0; i < count; i++) out[i] = view.getUint8(i);
      break;
    case "i2":
      for (let i = 0; i < count; i++) out[i] = view.getInt16(2 * i, little);
      break;
    case "u2":
      for (let i = 0; i < count; i++) out[i] = view.getUint16(2 * i, little);
      break;
    case "i4":
      for (let i = 0; i < count; i++) out[i] = view.getInt32(4 * i, little);
      break;
    case "u4":
      for (let i = 0; i < count; i++) out[i] = view.getUint32(4 * i, little);
      break;
    case "i8":
    case "u8":
      readInt64(view, count, little, dtype.kind === "i", out);
      break;
    case "f2":
      for (let i = 0; i < count; i++) {
        out[i] = halfToNumber(view.getUint16(2 * i, little));
      }
      break;
    case "f4":
      for (let i = 0; i < count; i++) out[i] = view.getFloat32(4 * i, little);
      break;
    case "f8":
      for (let i = 0; i < count; i++) out[i] = view.getFloat64(8 * i, little);
      break;
  }
  return out;
}

const HOST_IS_LITTLE_ENDIAN =
  new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function readInt64(
  view: DataView,
  count: number,
  little: boolean,
  signed: boolean,
  out: Float64Array,
): void {
  const [highAt, lowAt] = little ? [4, 0] : [0, 4];
  for (let i = 0; i < count; i++) {
    const high = signed
      ? view.getInt32(8 * i + highAt, little)
      : view.getUint32(8 * i + highAt, little);
    const low = view.getUint32(8 * i + lowAt, little);
    // high * 2^32 is exact; the one addition rounds to nearest, ties to even.
    out[i] = high * 4294967296 + low;
  }
}

/** IEEE 754 binary16 bits to a number. */
function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : NaN;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}
