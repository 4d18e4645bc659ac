// The random draws of dropout: NumPy's `np.random.rand` through the
// NumPy-compatible global generator, so `seed(0)` reproduces DeZero's masks.

import { type Float64NdArray, scalarOf, sizeOf } from "../core/_ndarray.ts";
import { rand as randomSample } from "../random/rand.ts";

/** Uniform draws in [0, 1) of the given shape, as NumPy's `rand(*shape)`. */
function rand(...shape: number[]): Float64NdArray {
  return shape.length === 0 ? scalarOf(randomSample()) : randomSample(...shape);
}

/**
 * DeZero's dropout mask: 1 where a uniform draw exceeds `ratio`, else 0
 * (`np.random.rand(*x.shape) > dropout_ratio`).
 */
export function dropoutMask(
  shape: readonly number[],
  ratio: number,
): Float64NdArray {
  const mask = rand(...shape);
  const data = mask.data;
  const size = sizeOf(shape);
  for (let i = 0; i < size; i++) data[i] = data[i] > ratio ? 1 : 0;
  return mask;
}
