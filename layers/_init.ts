// Initial weights of layers. DeZero draws them from NumPy's global
// generator, W = np.random.randn(I, O) * np.sqrt(1 / I); so does this, from
// the NumPy-compatible global generator in random/, so `seed(0)` before
// building a model gives the book's initial weights.

import type { Float64NdArray } from "../core/_ndarray.ts";
import { randn } from "../random/randn.ts";

/**
 * DeZero's initial weight of a fully connected layer: standard normal
 * values times √(1 / inSize), shape `[inSize, outSize]`.
 */
export function initialWeights(
  inSize: number,
  outSize: number,
): Float64NdArray {
  const w = randn(inSize, outSize);
  // Multiply by √(1/I) as DeZero does (not divide by √I): same rounding.
  const scale = Math.sqrt(1 / inSize);
  const data = w.data;
  const end = w.offset + inSize * outSize;
  for (let i = w.offset; i < end; i++) data[i] *= scale;
  return w;
}
