// The call styles of sum, shared by the function `sum` and the method
// `Variable.sum`: NumPy's and the book's positional `sum(x, axis, keepdims)`
// and an options object `sum(x, { axis, keepdims })`.

import { describe } from "./_describe.ts";
import { isFloat64NdArray } from "./_ndarray.ts";

/**
 * One axis, several, or `null` for all of them (NumPy's `None`).
 *
 * @example
 * ```ts
 * import { array, type Axis, sum } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = array([[1, 2], [3, 4]]);
 * const axes: Axis[] = [0, [0, 1], null];
 * assert.deepEqual([...sum(x, axes[0]).shape], [2]);
 * assert.equal(sum(x, axes[1]).data.get(), 10);
 * assert.equal(sum(x, axes[2]).data.get(), 10);
 * ```
 */
export type Axis = number | readonly number[] | null;

/**
 * Options of `sum`.
 *
 * @example
 * ```ts
 * import { array, sum } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = sum(array([[1, 2], [3, 4]]), { axis: 0, keepdims: true });
 * assert.deepEqual([...y.shape], [1, 2]);
 * assert.equal(y.data.get(0, 1), 6);
 * ```
 */
export interface SumOptions {
  /**
   * The axis or axes to sum over; `null` or absent: all. Negative axes count
   * from the end.
   */
  axis?: Axis;
  /** Keep the summed axes, with size 1 (default `false`). */
  keepdims?: boolean | null;
}

/** The checked arguments of a sum: `undefined` axis means all axes. */
export interface SumArguments {
  /** The axis or axes given, or `undefined` for all. */
  axis: number | readonly number[] | undefined;
  /** Whether to keep the summed axes with size 1. */
  keepdims: boolean;
}

const optionKeys: readonly string[] = ["axis", "keepdims"];

/**
 * The axis and keepdims of a call `caller(x, axisOrOptions, keepdims)`, or a
 * TypeError that names `caller`, says what it accepts and what it was given.
 * `null` and `undefined` mean the defaults.
 */
export function sumArguments(
  caller: string,
  axisOrOptions: unknown,
  keepdims?: unknown,
): SumArguments {
  if (isOptionsObject(axisOrOptions)) {
    if (keepdims !== undefined) {
      throw new TypeError(
        `Cannot take keepdims twice: ${caller} got an options object and ${
          describe(keepdims)
        } after it; put keepdims in the options`,
      );
    }
    for (const key of Object.keys(axisOrOptions)) {
      if (!optionKeys.includes(key)) {
        throw new TypeError(
          `Cannot use the option "${key}": ${caller} knows only axis and keepdims`,
        );
      }
    }
    return {
      axis: checkAxis(caller, axisOrOptions.axis),
      keepdims: checkKeepdims(caller, axisOrOptions.keepdims),
    };
  }
  return {
    axis: checkAxis(caller, axisOrOptions),
    keepdims: checkKeepdims(caller, keepdims),
  };
}

function isOptionsObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null &&
    !Array.isArray(value) && !ArrayBuffer.isView(value) &&
    !isFloat64NdArray(value);
}

function checkAxis(
  caller: string,
  axis: unknown,
): number | readonly number[] | undefined {
  if (axis === undefined || axis === null) return undefined;
  if (typeof axis === "number") return axis;
  if (Array.isArray(axis) && axis.every((a) => typeof a === "number")) {
    return [...axis];
  }
  throw new TypeError(
    `Cannot sum over ${
      describe(axis)
    }: ${caller} expects an axis (a number), an array of axes, null for all axes, or options { axis, keepdims }`,
  );
}

function checkKeepdims(caller: string, keepdims: unknown): boolean {
  if (keepdims === undefined || keepdims === null) return false;
  if (typeof keepdims === "boolean") return keepdims;
  throw new TypeError(
    `Cannot use ${
      describe(keepdims)
    } as keepdims: ${caller} expects true or false`,
  );
}
