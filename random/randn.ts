import type { Float64NdArray } from "../core/_ndarray.ts";
import { globalRandomState } from "./_global.ts";

/**
 * Standard normal values from the global generator, as `np.random.randn`.
 *
 * @param shape The dimensions; none for a single number.
 * @returns A number, or a float64 array of the given shape.
 *
 * @example
 * ```ts
 * import { randn, seed } from "@dezero/core/random";
 * import assert from "node:assert/strict";
 *
 * seed(0);
 * const x = randn(2, 3);
 * assert.equal(x.get(0, 0), 1.764052345967664);
 * assert.equal(x.get(0, 1), 0.4001572083672233);
 * ```
 */
export function randn(): number;
/**
 * Standard normal values of the given shape.
 *
 * @param shape The dimensions.
 * @returns A float64 array of the given shape.
 */
export function randn(...shape: number[]): Float64NdArray;
export function randn(...shape: number[]): number | Float64NdArray {
  return globalRandomState.randn(...shape);
}
