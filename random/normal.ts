import type { Float64NdArray } from "../core/_ndarray.ts";
import type { Size } from "./_arguments.ts";
import { globalRandomState } from "./_global.ts";

/**
 * Normal values with mean `loc` and standard deviation `scale` from the
 * global generator, as `np.random.normal`.
 *
 * @param loc The mean (default 0).
 * @param scale The standard deviation, at least 0 (default 1).
 * @param size A length or a shape; omitted for a single number.
 * @returns A number, or a float64 array of shape `size`.
 *
 * @example
 * ```ts
 * import { normal, seed } from "@dezero/core/random";
 * import assert from "node:assert/strict";
 *
 * seed(0);
 * assert.equal(normal(10, 0.5), 10 + 0.5 * 1.764052345967664);
 * ```
 */
export function normal(loc?: number, scale?: number): number;
/**
 * Normal values of shape `size`.
 *
 * @param loc The mean (default 0).
 * @param scale The standard deviation (default 1).
 * @param size A length or a shape.
 * @returns A float64 array of shape `size`.
 */
export function normal(
  loc: number | undefined,
  scale: number | undefined,
  size: Size,
): Float64NdArray;
export function normal(
  loc?: number,
  scale?: number,
  size?: Size,
): number | Float64NdArray {
  return size === undefined
    ? globalRandomState.normal(loc, scale)
    : globalRandomState.normal(loc, scale, size);
}
