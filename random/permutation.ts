import type { Float64NdArray } from "../core/_ndarray.ts";
import type { NestedNumbers } from "../core/array.ts";
import { globalRandomState } from "./_global.ts";

/**
 * A shuffled copy from the global generator, as `np.random.permutation`: of
 * `[0, 1, ..., n-1]` for a number, or of an array along its first axis.
 *
 * @param x A length, or an array of at least one dimension.
 * @returns A new float64 array.
 *
 * @example
 * ```ts
 * import { permutation, seed } from "@dezero/core/random";
 * import { toNested } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * seed(0);
 * assert.deepEqual(toNested(permutation(5)), [2, 0, 1, 3, 4]);
 * ```
 */
export function permutation(
  x: number | Float64NdArray | readonly NestedNumbers[],
): Float64NdArray {
  return globalRandomState.permutation(x);
}
