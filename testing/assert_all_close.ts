import { AssertionError } from "node:assert";
import type { AllCloseOptions, Comparable } from "./all_close.ts";
import { firstFar } from "./_first_far.ts";

/**
 * Throw an `AssertionError` unless {@linkcode allClose} holds. The message
 * names the shapes or the first element that is too far, never whole arrays.
 *
 * @param actual The values to check: an array, a Variable or nested numbers.
 * @param expected The reference values, same kinds.
 * @param options `rtol` (default 1e-5) and `atol` (default 1e-8).
 *
 * @example
 * ```ts
 * import { array } from "@dezero/core";
 * import { assertAllClose } from "@dezero/core/testing";
 * import assert from "node:assert/strict";
 *
 * assertAllClose(array([1, 2]), [1, 2]);
 * assert.throws(() => assertAllClose(array([1, 2]), [1, 3]), /index \[1\]/);
 * ```
 */
export function assertAllClose(
  actual: Comparable,
  expected: Comparable,
  options: AllCloseOptions = {},
): void {
  const far = firstFar("assertAllClose", actual, expected, options);
  if (far !== null) throw new AssertionError({ message: far });
}
