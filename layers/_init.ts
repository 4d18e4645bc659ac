// Initial weights of layers. DeZero draws them from NumPy's global
// generator: W = np.random.randn(I, O) * np.sqrt(1 / I).
//
// MERGE NOTE: the NumPy-compatible generator lives in random/ (another
// branch). At merge, replace `placeholderRandn(inSize, outSize)` below by
// `randn(inSize, outSize)` from "../random/mod.ts" and delete the
// placeholder and `seedPlaceholder`; nothing else in layers/ changes. Until
// then the values are random-looking and repeatable, but not NumPy's.

import type { Float64NdArray } from "../core/_ndarray.ts";
import { zerosOf } from "../core/_ndarray.ts";

let uniform = seededRandom(0);

/**
 * DeZero's initial weight of a fully connected layer: standard normal
 * values times √(1 / inSize), shape `[inSize, outSize]`.
 */
export function initialWeights(
  inSize: number,
  outSize: number,
): Float64NdArray {
  const w = placeholderRandn(inSize, outSize);
  // Multiply by √(1/I) as DeZero does (not divide by √I): same rounding.
  const scale = Math.sqrt(1 / inSize);
  const data = w.data;
  const end = w.offset + inSize * outSize;
  for (let i = w.offset; i < end; i++) data[i] *= scale;
  return w;
}

/** Restart the placeholder generator (tests only; goes with the placeholder). */
export function seedPlaceholder(seed: number): void {
  uniform = seededRandom(seed);
}

/** Standard normal values by Box-Muller from a seeded uniform generator. */
function placeholderRandn(rows: number, columns: number): Float64NdArray {
  const out = zerosOf([rows, columns]);
  const data = out.data;
  const end = out.offset + rows * columns;
  for (let i = out.offset; i < end; i++) {
    const u = 1 - uniform(); // in (0, 1], so the logarithm is finite
    data[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  }
  return out;
}

/** Uniform numbers in [0, 1) from a 32-bit seed (mulberry32). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
