// Indexing as NumPy's `x[...]`, reduced to one table: for every element of
// the result (row-major), the row-major position of the input element it
// reads. GetItem gathers through the table and GetItemGrad scatter-adds back
// through it, so both follow exactly the same rules.

import { describe } from "../core/_describe.ts";
import { broadcastShapes } from "../core/_kernels.ts";
import {
  contiguousStrides,
  type Float64NdArray,
  formatShape,
  isFloat64NdArray,
  sizeOf,
  toFlat,
} from "../core/_ndarray.ts";
import { array, type NestedNumbers } from "../core/array.ts";
import { Variable } from "../core/variable.ts";
import type { Slice } from "./slice.ts";

/**
 * One entry of an index: an integer, a {@linkcode Slice}, or an array of
 * integers (nested numbers, a float64 ndarray or a Variable) for fancy
 * indexing.
 *
 * @example
 * ```ts
 * import { array, getItem, type IndexItem, slice } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * // An integer, a slice, and integers as an array (fancy indexing: rows 0, 0).
 * const items: IndexItem[] = [1, slice(0, 1), array([0, 0])];
 * const x = array([[1, 2], [3, 4]]);
 * assert.equal(getItem(x, items[0]).data.get(0), 3);
 * assert.deepEqual([...getItem(x, items[1]).shape], [1, 2]);
 * assert.deepEqual([...getItem(x, items[2]).shape], [2, 2]);
 * ```
 */
export type IndexItem =
  | number
  | Slice
  | readonly NestedNumbers[]
  | Float64NdArray
  | Variable;

/**
 * An index for {@linkcode getItem}: one entry for axis 0, or an array of
 * entries, one per leading axis (Python's tuple `x[a, b, c]`).
 *
 * @example
 * ```ts
 * import { array, getItem, type Index, slice } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * // x[:, 1] in NumPy: every row, column 1.
 * const index: Index = [slice(), 1];
 * const y = getItem(array([[1, 2], [3, 4]]), index);
 * assert.equal(y.data.get(0), 2);
 * assert.equal(y.data.get(1), 4);
 * ```
 */
export type Index = IndexItem | readonly IndexItem[];

/** An entry read and checked, before the input's shape is known. */
type Entry =
  | { kind: "integer"; value: number }
  | { kind: "slice"; start: number | null; stop: number | null; step: number }
  | { kind: "array"; values: Float64Array; shape: number[] };

/** An index read from the user's value, to be applied to shapes later. */
export type ParsedIndex = readonly Entry[];

/** The gather table of an index applied to a shape. */
export interface IndexPlan {
  /** The shape of the result. */
  outShape: number[];
  /** For each result element, the row-major position of its source. */
  source: Int32Array;
}

/** Read an index once, copying any arrays, so later changes do not leak in. */
export function parseIndex(caller: string, index: unknown): ParsedIndex {
  const items = Array.isArray(index) ? index : [index];
  return items.map((item, position) => parseEntry(caller, item, position));
}

function parseEntry(caller: string, item: unknown, position: number): Entry {
  if (typeof item === "number") {
    if (!Number.isInteger(item)) {
      throw new TypeError(
        `Cannot index with ${item} at position ${position} in ${caller}: expected an integer, a slice or an array of integers`,
      );
    }
    return { kind: "integer", value: item };
  }
  if (item instanceof Variable || isFloat64NdArray(item)) {
    const data = item instanceof Variable ? item.data : item;
    return { kind: "array", values: toFlat(data), shape: [...data.shape] };
  }
  if (Array.isArray(item)) {
    let data: Float64NdArray;
    try {
      data = array(item as NestedNumbers[]);
    } catch (error) {
      throw new TypeError(
        `Cannot index with the array at position ${position} in ${caller}: ${
          (error as Error).message
        }`,
      );
    }
    return { kind: "array", values: toFlat(data), shape: [...data.shape] };
  }
  if (isSlice(item)) {
    for (const key of ["start", "stop", "step"] as const) {
      const value = item[key];
      if (value !== null && value !== undefined && !Number.isInteger(value)) {
        throw new TypeError(
          `Cannot index with a slice whose ${key} is ${
            String(value)
          } at position ${position} in ${caller}: expected an integer or null`,
        );
      }
    }
    const step = item.step ?? 1;
    if (step === 0) {
      throw new RangeError(
        `Cannot index with a slice of step 0 at position ${position} in ${caller}: expected a nonzero step`,
      );
    }
    return {
      kind: "slice",
      start: item.start ?? null,
      stop: item.stop ?? null,
      step,
    };
  }
  throw new TypeError(
    `Cannot index with ${
      describe(item)
    } at position ${position} in ${caller}: expected an integer, a slice or an array of integers`,
  );
}

function isSlice(item: unknown): item is Slice {
  return typeof item === "object" && item !== null && "start" in item &&
    "stop" in item && "step" in item;
}

/** Python's `slice.indices(length)`: the first position, step and count. */
function sliceRange(
  entry: { start: number | null; stop: number | null; step: number },
  length: number,
): { start: number; step: number; count: number } {
  const { step } = entry;
  const clamp = (value: number, low: number, high: number): number =>
    Math.min(Math.max(value < 0 ? value + length : value, low), high);
  let start: number;
  let stop: number;
  if (step > 0) {
    start = entry.start === null ? 0 : clamp(entry.start, 0, length);
    stop = entry.stop === null ? length : clamp(entry.stop, 0, length);
  } else {
    start = entry.start === null
      ? length - 1
      : clamp(entry.start, -1, length - 1);
    stop = entry.stop === null ? -1 : clamp(entry.stop, -1, length - 1);
  }
  const count = Math.max(0, Math.ceil((stop - start) / step));
  return { start, step, count };
}

/** One axis of the result: a slice of an input axis, or a broadcast axis. */
type OutAxis =
  | { kind: "slice"; axis: number; start: number; step: number; count: number }
  | { kind: "advanced"; dim: number };

/**
 * Apply a parsed index to an input shape: NumPy's rules for basic and
 * advanced (fancy) indexing. Errors name `caller` and the shape.
 */
export function planIndex(
  caller: string,
  index: ParsedIndex,
  shape: readonly number[],
): IndexPlan {
  const ndim = shape.length;
  if (index.length > ndim) {
    throw new TypeError(
      `Cannot index shape ${
        formatShape(shape)
      } with ${index.length} entries in ${caller}: expected at most ${ndim}, one per axis`,
    );
  }
  const entries: Entry[] = [...index];
  while (entries.length < ndim) {
    entries.push({ kind: "slice", start: null, stop: null, step: 1 });
  }
  const hasArray = entries.some((entry) => entry.kind === "array");

  // Check every integer against its axis and wrap negatives.
  const wrapped: (Float64Array | number | null)[] = entries.map(
    (entry, axis) => {
      if (entry.kind === "slice") return null;
      const length = shape[axis];
      const check = (value: number): number => {
        if (!Number.isInteger(value)) {
          throw new TypeError(
            `Cannot index axis ${axis} of shape ${
              formatShape(shape)
            } with ${value} in ${caller}: expected integers`,
          );
        }
        if (value < -length || value >= length) {
          throw new RangeError(
            `Cannot index axis ${axis} of shape ${
              formatShape(shape)
            } with ${value} in ${caller}: expected an index in ${-length}..${
              length - 1
            }`,
          );
        }
        return value < 0 ? value + length : value;
      };
      if (entry.kind === "integer") return check(entry.value);
      return entry.values.map(check);
    },
  );

  // With any array, integers act as 0-d arrays (NumPy): all of them are
  // advanced entries, broadcast together into one block of result axes.
  const advancedAxes = entries.flatMap((entry, axis) =>
    entry.kind === "array" || (hasArray && entry.kind === "integer")
      ? [axis]
      : []
  );
  let block: number[] = [];
  for (const axis of advancedAxes) {
    const entry = entries[axis];
    const entryShape = entry.kind === "array" ? entry.shape : [];
    block = broadcastShapes(caller, block, entryShape);
  }
  const outAxes: OutAxis[] = [];
  const blockAxes = block.map((_, dim): OutAxis => ({ kind: "advanced", dim }));
  const adjacent = advancedAxes.every((axis, i) =>
    i === 0 || axis === advancedAxes[i - 1] + 1
  );
  if (hasArray && !adjacent) outAxes.push(...blockAxes);
  let base = 0;
  const inStride = contiguousStrides(shape);
  entries.forEach((entry, axis) => {
    if (entry.kind === "slice") {
      const { start, step, count } = sliceRange(entry, shape[axis]);
      outAxes.push({ kind: "slice", axis, start, step, count });
      return;
    }
    if (!hasArray) {
      base += (wrapped[axis] as number) * inStride[axis];
    } else if (adjacent && axis === advancedAxes[0]) {
      outAxes.push(...blockAxes);
    }
  });
  const outShape = outAxes.map((out) =>
    out.kind === "advanced" ? block[out.dim] : out.count
  );

  // Each advanced entry read at a block index: values and strides over the
  // block, 0 along the axes it is broadcast over.
  const advanced = advancedAxes.map((axis) => {
    const entry = entries[axis];
    const values = wrapped[axis];
    const entryShape = entry.kind === "array" ? entry.shape : [];
    const own = contiguousStrides(entryShape);
    const lead = block.length - entryShape.length;
    const stride = block.map((_, dim) =>
      dim < lead || entryShape[dim - lead] === 1 ? 0 : own[dim - lead]
    );
    return {
      values: typeof values === "number"
        ? Float64Array.of(values)
        : values as Float64Array,
      stride,
      inStride: inStride[axis],
    };
  });

  const size = sizeOf(outShape);
  const source = new Int32Array(size);
  if (size === 0) return { outShape, source };
  const rank = outAxes.length;
  const counter = new Array<number>(rank).fill(0);
  const blockIndex = new Array<number>(block.length).fill(0);
  for (let k = 0; k < size; k++) {
    let position = base;
    for (let d = 0; d < rank; d++) {
      const out = outAxes[d];
      if (out.kind === "slice") {
        position += (out.start + counter[d] * out.step) * inStride[out.axis];
      } else {
        blockIndex[out.dim] = counter[d];
      }
    }
    for (const entry of advanced) {
      let at = 0;
      for (let dim = 0; dim < block.length; dim++) {
        at += blockIndex[dim] * entry.stride[dim];
      }
      position += entry.values[at] * entry.inStride;
    }
    source[k] = position;
    for (let d = rank - 1; d >= 0; d--) {
      if (++counter[d] < outShape[d]) break;
      counter[d] = 0;
    }
  }
  return { outShape, source };
}

/**
 * A parsed index back in the user's form, over its own copies of the arrays:
 * what GetItem and GetItemGrad hand each other, safe from later changes to
 * the arrays the user passed.
 */
export function toIndex(index: ParsedIndex): IndexItem[] {
  return index.map((entry): IndexItem => {
    if (entry.kind === "integer") return entry.value;
    if (entry.kind === "slice") {
      return Object.freeze({
        start: entry.start,
        stop: entry.stop,
        step: entry.step,
      });
    }
    return array(entry.values, { shape: entry.shape });
  });
}
