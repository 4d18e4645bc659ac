// The random draws of dropout.
//
// FOR THE LEAD, AT MERGE: replace `rand` below by the NumPy-compatible
// generator of random/ (`import { rand } from "../random/rand.ts"`), so that
// dropout follows the global seed like DeZero's `np.random.rand`. This file
// uses Math.random only because that generator is not merged yet; nothing
// else in functions/ draws random numbers.

import { type Float64NdArray, sizeOf, zerosOf } from "../core/_ndarray.ts";

/** Uniform draws in [0, 1) of the given shape, as NumPy's `rand(*shape)`. */
function rand(...shape: number[]): Float64NdArray {
  const out = zerosOf(shape);
  const data = out.data;
  const size = sizeOf(shape);
  for (let i = 0; i < size; i++) data[i] = Math.random();
  return out;
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
