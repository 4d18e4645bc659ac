import { describe } from "../core/_describe.ts";
import { type Float64NdArray, isFloat64NdArray } from "../core/_ndarray.ts";
import type { Transform } from "./transform.ts";

/** Whether `value` is a function or an object with a `call` method. */
export function isTransform(value: unknown): value is Transform {
  return typeof value === "function" ||
    (typeof value === "object" && value !== null &&
      typeof (value as { call?: unknown }).call === "function");
}

/** Apply a transform and check that it gave an array back. */
export function applyTransform(
  caller: string,
  transform: Transform,
  x: Float64NdArray,
): Float64NdArray {
  const y = typeof transform === "function" ? transform(x) : transform.call(x);
  if (!isFloat64NdArray(y)) {
    throw new TypeError(
      `Cannot use ${
        describe(y)
      } returned by a transform in ${caller}: expected a float64 ndarray`,
    );
  }
  return y;
}

/** A TypeError unless `x` is a float64 ndarray. */
export function checkArray(caller: string, x: unknown): Float64NdArray {
  if (!isFloat64NdArray(x)) {
    throw new TypeError(
      `Cannot transform ${
        describe(x)
      } in ${caller}: expected a float64 ndarray`,
    );
  }
  return x;
}
