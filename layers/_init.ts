// Initial weights of layers. DeZero draws them from NumPy's global
// generator, W = np.random.randn(*shape) * np.sqrt(1 / fanIn); so does this,
// from the NumPy-compatible global generator in random/, so `seed(0)` before
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
  return scaledNormal([inSize, outSize], inSize);
}

/**
 * Standard normal values of the given shape, drawn in NumPy's order, times
 * √(1 / fanIn): DeZero's initialisation of Linear (fanIn = I) and of the
 * convolution filters (fanIn = C·KH·KW).
 */
export function scaledNormal(
  shape: readonly number[],
  fanIn: number,
): Float64NdArray {
  const w = randn(...shape);
  // Multiply by √(1/fanIn) as DeZero does (not divide by √fanIn): same
  // rounding. randn returns a fresh contiguous array.
  const scale = Math.sqrt(1 / fanIn);
  const data = w.data;
  const end = w.offset + w.size;
  for (let i = w.offset; i < end; i++) data[i] *= scale;
  return w;
}
