/**
 * A size along the two spatial axes (kernel, stride, padding): one integer
 * for both, or `[height, width]` (DeZero's `pair`).
 *
 * @example
 * ```ts
 * import { conv2d, type Pair, Variable, zeros } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const stride: Pair = [2, 1];
 * const y = conv2d(new Variable(zeros([1, 1, 5, 5])), zeros([2, 1, 3, 3]), null, stride);
 * assert.deepEqual(y.shape, [1, 2, 2, 3]);
 * ```
 */
export type Pair = number | readonly [number, number];
