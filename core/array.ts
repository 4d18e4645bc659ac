// Building float64 ndarrays from plain JavaScript values, and reading them
// back out.

import { describe } from "./_describe.ts";
import {
  contiguousStrides,
  ensurePrinting,
  type Float64NdArray,
  forEachRow,
  formatArray,
  formatShape,
  isFloat64NdArray,
  sameShape,
  scalarOf,
  sizeOf,
  toFlat,
  view,
  zerosOf,
} from "./_ndarray.ts";

export type { Float64NdArray } from "./_ndarray.ts";

/** Nested arrays of numbers: `1`, `[1, 2]`, `[[1, 2], [3, 4]]`, ... */
export type NestedNumbers = number | readonly NestedNumbers[];

/** Options of {@linkcode array}. */
export interface ArrayOptions {
  /** Shape of the result when the input is a `Float64Array` (default: 1-d). */
  shape?: readonly number[];
}

/**
 * Build a float64 ndarray from a number (0-d), nested arrays of numbers or a
 * `Float64Array` with a shape. Nested arrays are copied; a `Float64Array` is
 * viewed without copying, so later writes to it show through.
 *
 * @param value A number, rectangular nested arrays of numbers, or a `Float64Array`.
 * @param options `shape` for a `Float64Array` input.
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
  options: ArrayOptions = {},
): Float64NdArray {
  if (typeof value === "number") return scalarOf(value);
  if (value instanceof Float64Array) {
    const shape = options.shape ?? [value.length];
    checkShape("array", shape);
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

/**
 * Turn a number into a 0-d float64 ndarray and pass a float64 ndarray through,
 * as DeZero's `as_array` does for NumPy scalars.
 *
 * @param value A number or a float64 ndarray.
 * @returns A float64 ndarray.
 *
 * @example
 * ```ts
 * import { asArray } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const a = asArray(2);
 * assert.deepEqual(a.shape, []);
 * assert.equal(a.get(), 2);
 * assert.equal(asArray(a), a);
 * ```
 */
export function asArray(value: number | Float64NdArray): Float64NdArray {
  if (typeof value === "number") return scalarOf(value);
  if (isFloat64NdArray(value)) return value;
  throw new TypeError(
    `Cannot convert ${
      describe(value)
    } to an array: asArray() expects a number or a float64 ndarray`,
  );
}

/**
 * A new float64 ndarray of the given shape filled with zeros.
 *
 * @param shape The shape, `[]` for a 0-d array.
 * @returns A new contiguous array.
 *
 * @example
 * ```ts
 * import { zeros } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * assert.equal(String(zeros([2, 3])), "[[0 0 0]\n [0 0 0]]");
 * ```
 */
export function zeros(shape: readonly number[]): Float64NdArray {
  checkShape("zeros", shape);
  return zerosOf(shape);
}

/**
 * A new float64 ndarray of the given shape filled with `value`.
 *
 * @param shape The shape, `[]` for a 0-d array.
 * @param value The fill value.
 * @returns A new contiguous array.
 *
 * @example
 * ```ts
 * import { full } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * assert.equal(String(full([3], 1)), "[1 1 1]");
 * ```
 */
export function full(shape: readonly number[], value: number): Float64NdArray {
  checkShape("full", shape);
  if (typeof value !== "number") {
    throw new TypeError(
      `Cannot fill with ${describe(value)}: full() expects a number`,
    );
  }
  const out = zerosOf(shape);
  out.data.fill(value, out.offset, out.offset + sizeOf(shape));
  return out;
}

/**
 * A new array with `fn` applied to every element of `a`, in the shape of `a`.
 * Handy for writing the `forward` and `backward` of your own functions.
 *
 * @param a A float64 ndarray, contiguous or not.
 * @param fn The function applied to each element.
 * @returns A new contiguous array of the same shape.
 *
 * @example
 * ```ts
 * import { array, map } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * assert.equal(String(map(array([[1, 2], [3, 4]]), (v) => v ** 3)), "[[ 1  8]\n [27 64]]");
 * ```
 */
export function map(
  a: Float64NdArray,
  fn: (value: number) => number,
): Float64NdArray {
  if (!isFloat64NdArray(a)) {
    throw new TypeError(
      `Cannot map over ${describe(a)}: map() expects a float64 ndarray`,
    );
  }
  if (typeof fn !== "function") {
    throw new TypeError(
      `Cannot map with ${describe(fn)}: map() expects a function`,
    );
  }
  const out = zerosOf(a.shape);
  const target = out.data;
  const source = a.data;
  let k = out.offset;
  forEachRow(a, (offset, stride, length) => {
    for (let i = 0; i < length; i++) {
      target[k++] = fn(source[offset + i * stride]);
    }
  });
  return out;
}

/**
 * A new array with `fn` applied to the elements of `a` and `b` pairwise. The
 * shapes must be equal.
 *
 * @param a A float64 ndarray.
 * @param b A float64 ndarray of the same shape.
 * @param fn The function applied to each pair.
 * @returns A new contiguous array of the shared shape.
 *
 * @example
 * ```ts
 * import { array, zipWith } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * assert.equal(String(zipWith(array([1, 2]), array([10, 20]), (p, q) => p * q)), "[10 40]");
 * ```
 */
export function zipWith(
  a: Float64NdArray,
  b: Float64NdArray,
  fn: (a: number, b: number) => number,
): Float64NdArray {
  for (const operand of [a, b]) {
    if (!isFloat64NdArray(operand)) {
      throw new TypeError(
        `Cannot zip ${describe(operand)}: zipWith() expects float64 ndarrays`,
      );
    }
  }
  if (!sameShape(a.shape, b.shape)) {
    throw new TypeError(
      `Cannot zip shapes ${formatShape(a.shape)} and ${
        formatShape(b.shape)
      }: zipWith() expects equal shapes`,
    );
  }
  if (typeof fn !== "function") {
    throw new TypeError(
      `Cannot zip with ${describe(fn)}: zipWith() expects a function`,
    );
  }
  const av = toFlat(a);
  const bv = toFlat(b);
  const out = zerosOf(a.shape);
  for (let i = 0; i < av.length; i++) {
    out.data[out.offset + i] = fn(av[i], bv[i]);
  }
  return out;
}

/**
 * Read an array back as nested JavaScript arrays (a number for 0-d).
 *
 * @param a A float64 ndarray, contiguous or not.
 * @returns Nested arrays in row-major order.
 *
 * @example
 * ```ts
 * import { array, toNested } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const a = array([[1, 2], [3, 4]]);
 * assert.deepEqual(toNested(a.transpose(1, 0)), [[1, 3], [2, 4]]);
 * ```
 */
export function toNested(a: Float64NdArray): NestedNumbers {
  if (!isFloat64NdArray(a)) {
    throw new TypeError(
      `Cannot read ${describe(a)}: toNested() expects a float64 ndarray`,
    );
  }
  const flat = toFlat(a);
  const shape = a.shape;
  if (shape.length === 0) return flat[0];
  // Build from the innermost axis outwards: chunk the flat list repeatedly.
  let level: NestedNumbers[] = Array.from(flat);
  for (let axis = shape.length - 1; axis > 0; axis--) {
    const next: NestedNumbers[] = [];
    for (let i = 0; i < level.length; i += shape[axis]) {
      next.push(level.slice(i, i + shape[axis]));
    }
    level = next;
  }
  return level;
}

/**
 * Format an array as NumPy's `str()` does (`[[1 2]\n [3 4]]`), which is also
 * what `console.log` and `String()` show for arrays made by this library.
 *
 * @param a A float64 ndarray.
 * @returns The text.
 *
 * @example
 * ```ts
 * import { array, format } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * assert.equal(format(array([[1.5, -2], [10, 0]])), "[[1.5  -2]\n [ 10   0]]");
 * ```
 */
export function format(a: Float64NdArray): string {
  if (!isFloat64NdArray(a)) {
    throw new TypeError(
      `Cannot format ${describe(a)}: format() expects a float64 ndarray`,
    );
  }
  ensurePrinting(a);
  return formatArray(a);
}

function checkShape(caller: string, shape: unknown): void {
  if (
    !Array.isArray(shape) ||
    !shape.every((n) => Number.isInteger(n) && n >= 0)
  ) {
    throw new TypeError(
      `Cannot use ${
        describe(shape)
      } as a shape: ${caller}() expects an array of non-negative integers`,
    );
  }
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
