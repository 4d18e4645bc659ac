import type { Float64NdArray } from "../core/_ndarray.ts";
import type { Size } from "./_arguments.ts";
import type { ChoiceOptions } from "./_choice.ts";
import { globalRandomState } from "./_global.ts";

/**
 * A random sample from `a` with the global generator, as
 * `np.random.choice`.
 *
 * @param a A population size, or a 1-d array to draw elements from.
 * @param size A length or a shape; omitted for a single number.
 * @param options `replace` (default true) and probabilities `p`.
 * @returns A number, or a float64 array of shape `size`.
 *
 * @example
 * ```ts
 * import { choice, seed } from "@dezero/core/random";
 * import assert from "node:assert/strict";
 *
 * seed(0);
 * assert.equal(choice([10, 20, 30], undefined, { p: [0, 0, 1] }), 30);
 * ```
 */
export function choice(
  a: number | Float64NdArray | readonly number[],
  size?: undefined,
  options?: ChoiceOptions,
): number;
/**
 * A random sample of shape `size` from `a`.
 *
 * @param a A population size, or a 1-d array to draw elements from.
 * @param size A length or a shape.
 * @param options `replace` (default true) and probabilities `p`.
 * @returns A float64 array of shape `size`.
 */
export function choice(
  a: number | Float64NdArray | readonly number[],
  size: Size,
  options?: ChoiceOptions,
): Float64NdArray;
export function choice(
  a: number | Float64NdArray | readonly number[],
  size?: Size,
  options?: ChoiceOptions,
): number | Float64NdArray {
  return size === undefined
    ? globalRandomState.choice(a, undefined, options)
    : globalRandomState.choice(a, size, options);
}
