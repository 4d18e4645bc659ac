import { describe } from "../core/_describe.ts";
import {
  copyOf,
  type Float64NdArray,
  formatShape,
  sizeOf,
} from "../core/_ndarray.ts";
import { checkArray } from "./_apply.ts";

/**
 * `(x - mean) / std`, as DeZero's `Normalize`. A list of means or standard
 * deviations holds one value per entry of the first axis (the channels of a
 * CHW image); a list of one value applies to all.
 *
 * @example Per-channel normalization of a 2-channel image
 * ```ts
 * import { array, toNested } from "@dezero/core";
 * import { Normalize } from "@dezero/core/transforms";
 * import assert from "node:assert/strict";
 *
 * const normalize = new Normalize([1, 10], [2, 5]);
 * const x = normalize.call(array([[[1, 3]], [[10, 20]]]));
 * assert.deepEqual(toNested(x), [[[0, 1]], [[0, 2]]]);
 * ```
 */
export class Normalize {
  /** The mean: one number, or one per entry of the first axis. */
  readonly mean: number | readonly number[];
  /** The standard deviation: one number, or one per entry of the first axis. */
  readonly std: number | readonly number[];

  /**
   * Make a normalization.
   *
   * @param mean One number, or one per entry of the first axis (default 0).
   * @param std One number, or one per entry of the first axis (default 1).
   */
  constructor(
    mean: number | readonly number[] = 0,
    std: number | readonly number[] = 1,
  ) {
    this.mean = checkStatistic("mean", mean);
    this.std = checkStatistic("std", std);
  }

  /**
   * Normalize `x`.
   *
   * @param x The input array.
   * @returns A new array `(x - mean) / std`.
   */
  call(x: Float64NdArray): Float64NdArray {
    checkArray("Normalize", x);
    const out = copyOf(x);
    const rows = x.shape.length === 0 ? 1 : x.shape[0];
    const mean = perRow("mean", this.mean, x.shape, rows);
    const std = perRow("std", this.std, x.shape, rows);
    const rowSize = rows === 0 ? 0 : sizeOf(x.shape) / rows;
    const data = out.data;
    for (let row = 0; row < rows; row++) {
      const start = out.offset + row * rowSize;
      for (let k = start; k < start + rowSize; k++) {
        data[k] = (data[k] - mean[row]) / std[row];
      }
    }
    return out;
  }
}

function checkStatistic(
  name: string,
  value: unknown,
): number | readonly number[] {
  if (typeof value === "number") return value;
  if (
    Array.isArray(value) && value.length > 0 &&
    value.every((v) => typeof v === "number")
  ) {
    return [...value];
  }
  throw new TypeError(
    `Cannot use ${
      describe(value)
    } as ${name} in Normalize: expected a number or a non-empty array of numbers`,
  );
}

/** The statistic for each entry of the first axis. */
function perRow(
  name: string,
  value: number | readonly number[],
  shape: readonly number[],
  rows: number,
): number[] {
  if (typeof value === "number") return new Array<number>(rows).fill(value);
  if (shape.length === 0) {
    throw new TypeError(
      `Cannot normalize a 0-d array with a list ${name} in Normalize: expected at least 1 dimension`,
    );
  }
  if (value.length === 1) return new Array<number>(rows).fill(value[0]);
  if (value.length !== rows) {
    throw new TypeError(
      `Cannot normalize shape ${
        formatShape(shape)
      } with ${value.length} values of ${name} in Normalize: expected 1 or ${rows}, one per entry of the first axis`,
    );
  }
  return [...value];
}
