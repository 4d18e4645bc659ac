import type { NestedNumbers } from "../core/array.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import type { Variable } from "../core/variable.ts";
import { firstFar } from "./_first_far.ts";

/**
 * What {@linkcode allClose} compares: an array, a Variable's data or numbers.
 *
 * @example
 * ```ts
 * import { array, Variable } from "@dezero/core";
 * import { allClose, type Comparable } from "@dezero/core/testing";
 * import assert from "node:assert/strict";
 *
 * const values: Comparable[] = [array([1, 2]), new Variable(array([1, 2])), [1, 2]];
 * for (const value of values) assert.ok(allClose(value, [1, 2]));
 * ```
 */
export type Comparable = Float64NdArray | Variable | NestedNumbers;

/**
 * Tolerances of {@linkcode allClose}, NumPy's names and defaults.
 *
 * @example
 * ```ts
 * import { array } from "@dezero/core";
 * import { allClose } from "@dezero/core/testing";
 * import assert from "node:assert/strict";
 *
 * assert.equal(allClose(array([1]), array([1.05])), false);
 * assert.equal(allClose(array([1]), array([1.05]), { rtol: 0.1 }), true);
 * assert.equal(allClose(array([0]), array([0.5]), { atol: 1 }), true);
 * ```
 */
export interface AllCloseOptions {
  /** Relative tolerance (default `1e-5`). */
  rtol?: number;
  /** Absolute tolerance (default `1e-8`). */
  atol?: number;
}

/**
 * Whether two arrays have the same shape and every pair of elements
 * satisfies `|a - b| <= atol + rtol * |b|`, as NumPy's `allclose`. NaN is
 * close to nothing; an infinity only to the same infinity.
 *
 * @param actual The values to check: an array, a Variable or nested numbers.
 * @param expected The reference values, same kinds.
 * @param options `rtol` (default 1e-5) and `atol` (default 1e-8).
 * @returns `true` when every element is close and the shapes are equal.
 *
 * @example
 * ```ts
 * import { array } from "@dezero/core";
 * import { allClose } from "@dezero/core/testing";
 * import assert from "node:assert/strict";
 *
 * assert.ok(allClose(array([1, 2]), [1, 2 + 1e-9]));
 * assert.ok(!allClose(array([1, 2]), [1, 2.1]));
 * assert.ok(!allClose(array([1, 2]), [[1, 2]]));
 * ```
 */
export function allClose(
  actual: Comparable,
  expected: Comparable,
  options: AllCloseOptions = {},
): boolean {
  return firstFar("allClose", actual, expected, options) === null;
}
