// The comparison behind allClose and assertAllClose.

import { array, type NestedNumbers } from "../core/array.ts";
import { describe } from "../core/_describe.ts";
import {
  type Float64NdArray,
  formatShape,
  isFloat64NdArray,
  sameShape,
  toFlat,
  unravelIndex,
} from "../core/_ndarray.ts";
import { Variable } from "../core/variable.ts";
import type { AllCloseOptions, Comparable } from "./all_close.ts";
import { isClose } from "./_close.ts";

/** The first reason the arrays are not close, or `null` if they are. */
export function firstFar(
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
  for (let i = 0; i < av.length; i++) {
    if (!isClose(av[i], bv[i], rtol, atol)) {
      const index = unravelIndex(a.shape, i);
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
