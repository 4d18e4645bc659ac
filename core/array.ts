// Building float64 ndarrays from plain JavaScript values, and reading them
// back out.

import { describe } from "./_describe.ts";
import {
  contiguousStrides,
  type Float64NdArray,
  formatShape,
  scalarOf,
  sizeOf,
  view,
  zerosOf,
} from "./_ndarray.ts";
import { checkShape } from "./_check_shape.ts";

export type { Float64NdArray } from "./_ndarray.ts";

/**
 * Nested arrays of numbers: `1`, `[1, 2]`, `[[1, 2], [3, 4]]`, ...
 * @example What array() takes and toNested() gives back
 * ```ts
 * import { array, type NestedNumbers, toNested } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const rows: NestedNumbers = [[1, 2], [3, 4]];
 * assert.deepEqual(toNested(array(rows)), rows);
 * ```
 */
export type NestedNumbers = number | readonly NestedNumbers[];

/**
 * Options of {@linkcode array}.
 * @example A Float64Array viewed as 2 x 3
 * ```ts
 * import { array, type ArrayOptions } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const options: ArrayOptions = { shape: [2, 3] };
 * const a = array(new Float64Array([1, 2, 3, 4, 5, 6]), options);
 * assert.equal(a.get(1, 0), 4);
 * ```
 */
export interface ArrayOptions {
  /** Shape of the result when the input is a `Float64Array` (default: 1-d). */
  shape?: readonly number[] | null;
}

// The options object: `null` or `undefined` for the defaults, else an object
// with no key but `shape`.
function checkOptions(options: unknown): ArrayOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(
      `Cannot use ${
        describe(options)
      } as options: array() expects an object such as { shape: [2, 3] }`,
    );
  }
  for (const key of Object.keys(options)) {
    if (key !== "shape") {
      throw new TypeError(
        `Cannot use the option "${key}": array() knows only shape`,
      );
    }
  }
  return options as ArrayOptions;
}

/**
 * Build a float64 ndarray from a number (0-d), nested arrays of numbers or a
 * `Float64Array` with a shape. Nested arrays are copied; a `Float64Array` is
 * viewed without copying, so later writes to it show through.
 *
 * @param value A number, rectangular nested arrays of numbers, or a `Float64Array`.
 * @param options `shape` for a `Float64Array` input; `null` or absent: the
 * defaults. An unknown option is a TypeError.
 * @returns A new float64 ndarray.
 *
 * @example Arrays from numbers
 * ```ts
 * import { array } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const a = array([[1, 2], [3, 4]]);
 * assert.deepEqual(a.shape, [2, 2]);
 * assert.equal(a.get(1, 0), 3);
 * assert.equal(String(array(0.5)), "0.5");
 * ```
 */
export function array(
  value: NestedNumbers | Float64Array,
  options?: ArrayOptions | null,
): Float64NdArray {
  const checked = checkOptions(options);
  if (typeof value === "number") return scalarOf(value);
  if (value instanceof Float64Array) {
    const shape = checked.shape === undefined || checked.shape === null
      ? [value.length]
      : checkShape("array()", checked.shape, { view: true });
    if (sizeOf(shape) !== value.length) {
      throw new TypeError(
        `Cannot view a Float64Array of length ${value.length} as shape ${
          formatShape(shape)
        }: array() needs ${sizeOf(shape)} elements`,
      );
    }
    return view(value, shape, contiguousStrides(shape), 0);
  }
  if (!Array.isArray(value)) {
    throw new TypeError(
      `Cannot build an array from ${
        describe(value)
      }: array() expects a number, nested arrays of numbers or a Float64Array`,
    );
  }
  return fromNested(value);
}

function fromNested(value: readonly NestedNumbers[]): Float64NdArray {
  // The shape comes from the first element at each depth; the walk below
  // checks that every other element agrees.
  const shape: number[] = [];
  let probe: NestedNumbers = value;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    probe = (probe as readonly NestedNumbers[])[0];
    if (probe === undefined) break;
  }
  const out = zerosOf(shape);
  const data = out.data;
  let k = out.offset;
  const stack: { items: readonly NestedNumbers[]; next: number }[] = [
    { items: value, next: 0 },
  ];
  const path: number[] = [];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const depth = stack.length - 1;
    if (frame.items.length !== shape[depth]) {
      throw new TypeError(
        `Cannot build an array from ragged nested arrays: array() found length ${frame.items.length} at index [${
          path.slice(0, depth).join(",")
        }], expected ${shape[depth]}`,
      );
    }
    if (frame.next === frame.items.length) {
      stack.pop();
      path.length = depth;
      continue;
    }
    const index = frame.next++;
    path[depth] = index;
    const item = frame.items[index];
    if (depth + 1 < shape.length) {
      if (!Array.isArray(item)) {
        throw new TypeError(
          `Cannot build an array from ragged nested arrays: array() found ${
            describe(item)
          } at index [${
            path.slice(0, depth + 1).join(",")
          }], expected an array`,
        );
      }
      stack.push({ items: item, next: 0 });
    } else {
      if (typeof item !== "number") {
        throw new TypeError(
          `Cannot build an array from ${describe(item)} at index [${
            path.slice(0, depth + 1).join(",")
          }]: array() expects numbers`,
        );
      }
      data[k++] = item;
    }
  }
  return out;
}
