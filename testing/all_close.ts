import { AssertionError } from "node:assert";
import { array, type NestedNumbers } from "../core/array.ts";
import { describe } from "../core/_describe.ts";
import {
  type Float64NdArray,
  formatShape,
  isFloat64NdArray,
  sameShape,
  toFlat,
} from "../core/_ndarray.ts";
import { Variable } from "../core/variable.ts";
import { isClose } from "./_close.ts";

/** What {@linkcode allClose} compares: an array, a Variable's data or numbers. */
export type Comparable = Float64NdArray | Variable | NestedNumbers;

/** Tolerances of {@linkcode allClose}, NumPy's names and defaults. */
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

/** The first reason the arrays are not close, or `null` if they are. */
function firstFar(
  caller: string,
  actual: Comparable,
  expected: Comparable,
  options: AllCloseOptions,
): string | null {
  const a = toArray(caller, "actual", actual);
  const b = toArray(caller, "expected", expected);
  const rtol = options.rtol ?? 1e-5;
  const atol = options.atol ?? 1e-8;
  checkTolerance(caller, "rtol", rtol);
  checkTolerance(caller, "atol", atol);
  if (!sameShape(a.shape, b.shape)) {
    return `Expected arrays of the same shape: actual has shape ${
      formatShape(a.shape)
    }, expected ${formatShape(b.shape)}`;
  }
  const av = toFlat(a);
  const bv = toFlat(b);
  const strides = a.shape.map((_, axis) =>
    a.shape.slice(axis + 1).reduce((p, n) => p * n, 1)
  );
  for (let i = 0; i < av.length; i++) {
    if (!isClose(av[i], bv[i], rtol, atol)) {
      const index = strides.map((s, axis) => Math.floor(i / s) % a.shape[axis]);
      return `Expected values to be close (|a - b| <= ${atol} + ${rtol} * |b|): at index [${
        index.join(",")
      }] actual is ${av[i]}, expected ${bv[i]}, difference ${
        Math.abs(av[i] - bv[i])
      }`;
    }
  }
  return null;
}

function checkTolerance(caller: string, name: string, value: unknown): void {
  if (typeof value !== "number" || !(value >= 0)) {
    throw new RangeError(
      `Cannot use ${name} ${
        String(value)
      }: ${caller}() expects a non-negative number`,
    );
  }
}

function toArray(
  caller: string,
  role: string,
  value: Comparable,
): Float64NdArray {
  if (value instanceof Variable) return value.data;
  if (isFloat64NdArray(value)) return value;
  if (typeof value === "number" || Array.isArray(value)) {
    return array(value as NestedNumbers);
  }
  throw new TypeError(
    `Cannot compare ${
      describe(value)
    }: ${caller}() expects ${role} to be a float64 ndarray, a Variable or nested numbers`,
  );
}
