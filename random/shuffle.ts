import type { Float64NdArray } from "../core/_ndarray.ts";
import { globalRandomState } from "./_global.ts";

/**
 * Shuffle in place along the first axis with the global generator, as
 * `np.random.shuffle`.
 *
 * @param x A float64 ndarray of at least one dimension, or a JavaScript array.
 *
 * @example
 * ```ts
 * import { seed, shuffle } from "@dezero/core/random";
 * import { array, toNested } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * seed(0);
 * const rows = array([[0, 0], [1, 1], [2, 2]]);
 * shuffle(rows);
 * assert.deepEqual(toNested(rows), [[2, 2], [1, 1], [0, 0]]);
 * ```
 */
export function shuffle(x: Float64NdArray | unknown[]): void {
  globalRandomState.shuffle(x);
}
