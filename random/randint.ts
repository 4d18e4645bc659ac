import type { Float64NdArray } from "../core/_ndarray.ts";
import type { Size } from "./_arguments.ts";
import { globalRandomState } from "./_global.ts";

/**
 * Integers in [low, high) from the global generator, as NumPy's legacy
 * `np.random.randint`; with one bound the range is [0, low).
 *
 * @param low The lowest value, or the upper bound if `high` is omitted.
 * @param high One above the highest value.
 * @param size A length or a shape; omitted for a single number.
 * @returns A number, or a float64 array of shape `size` holding integers.
 *
 * @example
 * ```ts
 * import { randint, seed } from "@dezero/core/random";
 * import { toNested } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * seed(0);
 * assert.deepEqual(toNested(randint(10, undefined, 4)), [5, 0, 3, 3]);
 * ```
 */
export function randint(low: number, high?: number): number;
/**
 * Integers in [low, high) of shape `size`.
 *
 * @param low The lowest value, or the upper bound if `high` is undefined.
 * @param high One above the highest value.
 * @param size A length or a shape.
 * @returns A float64 array of shape `size` holding integers.
 */
export function randint(
  low: number,
  high: number | undefined,
  size: Size,
): Float64NdArray;
export function randint(
  low: number,
  high?: number,
  size?: Size,
): number | Float64NdArray {
  return size === undefined
    ? globalRandomState.randint(low, high)
    : globalRandomState.randint(low, high, size);
}
