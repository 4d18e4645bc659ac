// The bytes of a `.npy` file for a float64 array, as `np.save` writes them.

import { formatNpyHeader } from "./_npy_format.ts";
import { type Float64NdArray, toFlat } from "../core/_ndarray.ts";

const HOST_IS_LITTLE_ENDIAN =
  new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Header then the elements in C order as little-endian doubles (`<f8`). */
export function writeNpy(a: Float64NdArray): Uint8Array {
  const header = formatNpyHeader(a.shape);
  const flat = toFlat(a);
  const out = new Uint8Array(header.length + 8 * flat.length);
  out.set(header);
  if (HOST_IS_LITTLE_ENDIAN) {
    out.set(new Uint8Array(flat.buffer), header.length);
  } else {
    const data = new DataView(out.buffer, header.length);
    for (let i = 0; i < flat.length; i++) data.setFloat64(8 * i, flat[i], true);
  }
  return out;
}
