import type { Float64NdArray } from "../core/_ndarray.ts";
import { globalRandomState } from "./_global.ts";

/**
 * Uniform doubles in [0, 1) from the global generator, as `np.random.rand`.
 *
 * @param shape The dimensions; none for a single number.
 * @returns A number, or a float64 array of the given shape.
 *
 * @example
 * ```ts
 * import { rand, seed } from "@dezero/core/random";
 * import assert from "node:assert/strict";
 *
 * seed(0);
 * const x = rand(2, 3);
 * assert.deepEqual(x.shape, [2, 3]);
 * assert.equal(x.get(0, 1), 0.7151893663724195);
 * ```
 */
export function rand(): number;
/**
 * Uniform doubles in [0, 1) of the given shape.
 *
 * @param shape The dimensions.
 * @returns A float64 array of the given shape.
 */
export function rand(...shape: number[]): Float64NdArray;
export function rand(...shape: number[]): number | Float64NdArray {
  return globalRandomState.rand(...shape);
}
