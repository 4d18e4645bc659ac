import type { Float64NdArray } from "../core/_ndarray.ts";

/**
 * What datasets apply to each example: a function from array to array, or an
 * object with such a `call` method (the transform classes of this module).
 *
 * @example
 * ```ts
 * import { array } from "@dezero/core";
 * import { Normalize, type Transform } from "@dezero/core/transforms";
 * import assert from "node:assert/strict";
 *
 * const transforms: Transform[] = [new Normalize(1, 2), (x) => x];
 * const first = transforms[0];
 * const y = typeof first === "function" ? first(array([5])) : first.call(array([5]));
 * assert.equal(y.get(0), 2);
 * ```
 */
export type Transform =
  | ((x: Float64NdArray) => Float64NdArray)
  | { call(x: Float64NdArray): Float64NdArray };
