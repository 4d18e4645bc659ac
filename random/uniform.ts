import type { Float64NdArray } from "../core/_ndarray.ts";
import type { Size } from "./_arguments.ts";
import { globalRandomState } from "./_global.ts";

/**
 * Uniform doubles in [low, high) from the global generator, as
 * `np.random.uniform`.
 *
 * @param low The lower bound (default 0).
 * @param high The upper bound (default 1).
 * @param size A length or a shape; omitted for a single number.
 * @returns A number, or a float64 array of shape `size`.
 *
 * @example
 * ```ts
 * import { seed, uniform } from "@dezero/core/random";
 * import assert from "node:assert/strict";
 *
 * seed(0);
 * const x = uniform(-0.05, 0.05, [3]);
 * assert.equal(x.get(0), -0.05 + 0.1 * 0.5488135039273248);
 * ```
 */
export function uniform(low?: number, high?: number): number;
/**
 * Uniform doubles in [low, high) of shape `size`.
 *
 * @param low The lower bound (default 0).
 * @param high The upper bound (default 1).
 * @param size A length or a shape.
 * @returns A float64 array of shape `size`.
 */
export function uniform(
  low: number | undefined,
  high: number | undefined,
  size: Size,
): Float64NdArray;
export function uniform(
  low?: number,
  high?: number,
  size?: Size,
): number | Float64NdArray {
  return size === undefined
    ? globalRandomState.uniform(low, high)
    : globalRandomState.uniform(low, high, size);
}
