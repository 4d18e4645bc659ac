import type { Float64NdArray } from "../core/_ndarray.ts";

/**
 * What datasets apply to each example: a function from array to array, or an
 * object with such a `call` method (the transform classes of this module).
 */
export type Transform =
  | ((x: Float64NdArray) => Float64NdArray)
  | { call(x: Float64NdArray): Float64NdArray };
