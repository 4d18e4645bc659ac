// The one file that talks to the `ndarray` package. Everything else in the
// library goes through the helpers here, so the dependency, its types and the
// tricks that make small arrays cheap live in one place.

// @ts-types="@types/ndarray"
import ndarray from "ndarray";
import type { NdArray } from "ndarray";
import { installPrinting } from "./_format.ts";

/**
 * An n-dimensional float64 array: an `ndarray` (npm) over a `Float64Array`.
 * @example Shape, element access and the data of a Variable
 * ```ts
 * import { array, type Float64NdArray, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const a: Float64NdArray = array([[1, 2, 3], [4, 5, 6]]);
 * assert.deepEqual(a.shape, [2, 3]);
 * assert.equal(a.get(1, 2), 6);
 * assert.equal(new Variable(a).data, a);
 * ```
 */
export type Float64NdArray = NdArray<Float64Array>;

/** The constructor of an `ndarray` view class of a fixed dimension. */
type ViewConstructor = new (...args: unknown[]) => Float64NdArray;

// `ndarray()` inspects its arguments on every call (about 120 ns); the view
// classes it compiles are cached per dimension, so calling them directly costs
// a few nanoseconds. We borrow the class from one throwaway array per
// dimension and construct through it.
const viewConstructors: ViewConstructor[] = [];

function viewConstructor(dimension: number): ViewConstructor {
  let ctor = viewConstructors[dimension];
  if (ctor === undefined) {
    const shape = new Array<number>(dimension).fill(1);
    const sample = ndarray(new Float64Array(1), shape);
    ctor = sample.constructor as ViewConstructor;
    const prototype = Object.getPrototypeOf(sample);
    // The 0-d class keeps its (empty) shape and stride on the prototype,
    // shared by every 0-d array: freeze them like every instance's.
    Object.freeze(prototype.shape);
    Object.freeze(prototype.stride);
    ownPrototypes.add(prototype);
    installPrinting(prototype);
    viewConstructors[dimension] = ctor;
  }
  return ctor;
}

const EMPTY: readonly number[] = Object.freeze([]);

/**
 * Make a view over `data` with the given shape, strides and offset. The shape
 * and strides arrays are copied, so callers may reuse theirs. The view's shape
 * and strides are frozen (0-d views share their class's frozen empty ones):
 * nothing a user holds can reshape an array that a graph already uses.
 */
export function view(
  data: Float64Array,
  shape: readonly number[],
  stride: readonly number[],
  offset: number,
): Float64NdArray {
  const a = construct(data, shape, stride, offset);
  if (shape.length > 0) {
    Object.freeze(a.shape);
    Object.freeze(a.stride);
  }
  return a;
}

function construct(
  data: Float64Array,
  shape: readonly number[],
  stride: readonly number[],
  offset: number,
): Float64NdArray {
  const ctor = viewConstructor(shape.length);
  switch (shape.length) {
    case 0:
      return new ctor(data, offset);
    case 1:
      return new ctor(data, shape[0], stride[0], offset);
    case 2:
      return new ctor(data, shape[0], shape[1], stride[0], stride[1], offset);
    case 3:
      return new ctor(
        data,
        shape[0],
        shape[1],
        shape[2],
        stride[0],
        stride[1],
        stride[2],
        offset,
      );
    default:
      return new ctor(data, ...shape, ...stride, offset);
  }
}

/** Row-major (C order) strides of a shape. */
export function contiguousStrides(shape: readonly number[]): number[] {
  const stride = new Array<number>(shape.length);
  let size = 1;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    stride[axis] = size;
    size *= shape[axis];
  }
  return stride;
}

/** Number of elements of a shape (1 for the 0-d shape `[]`). */
export function sizeOf(shape: readonly number[]): number {
  let size = 1;
  for (let axis = 0; axis < shape.length; axis++) size *= shape[axis];
  return size;
}

// Storage. Every array the library makes gets a `Float64Array` of exactly its
// own elements (`data.length === size`, `offset === 0`), so no operation on one
// array can reach another's elements. A fresh `Float64Array` costs about 0.4 µs
// in Deno 2.9.6 (V8 no longer allocates small typed arrays on its heap), more
// than a whole scalar operation, so arrays of up to 16 elements are
// `subarray()`s of a shared 512-byte pool, the way Node's `Buffer` pools small
// buffers: a kept scalar pins at most those 512 bytes. The pool is visible only
// through `data.buffer`; transferring that buffer detaches the other arrays of
// the same pool (the README says to copy with `toFloat64Array` first), and the
// allocator notices a detached pool and starts a new one.
const POOL_LENGTH = 64;
/** The largest array whose storage comes from the pool. */
export const SMALL_ARRAY = 16;
let pool = new Float64Array(POOL_LENGTH);
let poolUsed = 0;
// Storages of more than SMALL_ARRAY elements made so far: tests read it to
// check that an operation did not allocate.
let largeStorages = 0;

/** Zero-filled storage of exactly `size` elements. */
export function storageOf(size: number): Float64Array {
  if (size > SMALL_ARRAY) {
    largeStorages++;
    return new Float64Array(size);
  }
  if (poolUsed + size > POOL_LENGTH || pool.length === 0) {
    pool = new Float64Array(POOL_LENGTH);
    poolUsed = 0;
  }
  const data = pool.subarray(poolUsed, poolUsed + size);
  poolUsed += size;
  return data;
}

/**
 * How many storages of more than {@linkcode SMALL_ARRAY} elements
 * {@linkcode storageOf} has made since the program started (for tests).
 */
export function largeStorageCount(): number {
  return largeStorages;
}

/** A new contiguous, zero-filled array of the given shape. */
export function zerosOf(shape: readonly number[]): Float64NdArray {
  if (shape.length === 0) return view(storageOf(1), shape, shape, 0);
  return view(storageOf(sizeOf(shape)), shape, contiguousStrides(shape), 0);
}

/** A new 0-d array holding `value`. The hot path of every scalar operation. */
export function scalarOf(value: number): Float64NdArray {
  const data = storageOf(1);
  data[0] = value;
  return view(data, EMPTY, EMPTY, 0);
}

/** Whether `value` is an `ndarray` whose storage is a `Float64Array`. */
export function isFloat64NdArray(value: unknown): value is Float64NdArray {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<Float64NdArray>;
  return candidate.data instanceof Float64Array &&
    typeof candidate.offset === "number" &&
    Array.isArray(candidate.shape) && Array.isArray(candidate.stride) &&
    typeof candidate.get === "function";
}

// The view classes this module made (one per dimension), to tell the arrays
// the library built from look-alikes.
const ownPrototypes = new Set<object>();

/**
 * `value` as an array the library can keep: arrays the library made pass
 * through untouched; any other float64 ndarray (one made by the user with
 * `ndarray()`, or a look-alike object) is checked (integer shape and
 * strides, elements within its buffer) and re-wrapped in a new view over the
 * same elements, whose shape nobody else holds. No prototype of the user's
 * is touched. Returns `undefined` when `value` is not a float64 ndarray at
 * all, so the caller can say what it expected.
 *
 * @param where The public function, named in error messages.
 * @param value The candidate.
 */
export function adoptArray(
  where: string,
  value: unknown,
): Float64NdArray | undefined {
  if (!isFloat64NdArray(value)) return undefined;
  const a = value as Float64NdArray;
  if (ownPrototypes.has(Object.getPrototypeOf(a))) {
    if (a.shape.length > 0 ? Object.isFrozen(a.shape) : isInside(a)) return a;
  }
  const shape = Array.from(a.shape);
  const stride = Array.from(a.stride);
  const offset = a.offset;
  const prefix = `Cannot use this ndarray in ${where}`;
  if (shape.length !== stride.length) {
    throw new TypeError(
      `${prefix}: its shape ${formatShape(shape)} and strides ${
        formatShape(stride)
      } differ in length`,
    );
  }
  for (let axis = 0; axis < shape.length; axis++) {
    if (!Number.isSafeInteger(shape[axis]) || shape[axis] < 0) {
      throw new TypeError(
        `${prefix}: expected non-negative integer lengths, got shape ${
          formatShape(shape)
        }`,
      );
    }
    if (!Number.isSafeInteger(stride[axis])) {
      throw new TypeError(
        `${prefix}: expected integer strides, got ${formatShape(stride)}`,
      );
    }
  }
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new TypeError(
      `${prefix}: expected a non-negative integer offset, got ${offset}`,
    );
  }
  checkExtent(prefix, a.data.length, shape, stride, offset);
  return view(a.data, shape, stride, offset);
}

/** Whether a 0-d view's one element lies inside its buffer. */
function isInside(a: Float64NdArray): boolean {
  return Number.isSafeInteger(a.offset) && a.offset >= 0 &&
    a.offset < a.data.length;
}

/** A RangeError unless every element of the view lies inside its buffer. */
function checkExtent(
  prefix: string,
  length: number,
  shape: readonly number[],
  stride: readonly number[],
  offset: number,
): void {
  if (sizeOf(shape) === 0) return;
  let low = offset;
  let high = offset;
  for (let axis = 0; axis < shape.length; axis++) {
    const span = (shape[axis] - 1) * stride[axis];
    if (span < 0) low += span;
    else high += span;
  }
  if (low < 0 || high >= length) {
    throw new RangeError(
      `${prefix}: its elements run from index ${low} to ${high} of a buffer of ${length} elements, expected all within 0..${
        length - 1
      }`,
    );
  }
}

/** Whether `a` is laid out row-major without gaps (its offset may be > 0). */
export function isContiguous(a: Float64NdArray): boolean {
  const { shape, stride } = a;
  let expected = 1;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    if (shape[axis] !== 1 && stride[axis] !== expected) return false;
    expected *= shape[axis];
  }
  return true;
}

/**
 * Whether `a` has storage of exactly its own elements in row-major order
 * (`offset` 0, `data.length === size`), as every array the library makes:
 * writing all of `a` then writes all of its storage and nothing else.
 */
export function isExact(a: Float64NdArray): boolean {
  return a.offset === 0 && a.data.length === a.size && isContiguous(a);
}

/** Whether two shapes are equal. */
export function sameShape(
  a: readonly number[],
  b: readonly number[],
): boolean {
  if (a.length !== b.length) return false;
  for (let axis = 0; axis < a.length; axis++) {
    if (a[axis] !== b[axis]) return false;
  }
  return true;
}

/** Format a shape as the error messages show it: `[2,3]`. */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(",")}]`;
}

/**
 * Visit the elements of `a` in row-major order, one innermost row at a time:
 * `row(offset, stride, length)` gets the storage offset of the row's first
 * element, the stride between its elements and its length. A contiguous array
 * is a single row, so kernels pay for the iteration only on strided views.
 * The odometer below keeps the walk iterative for any number of dimensions.
 */
export function forEachRow(
  a: Float64NdArray,
  row: (offset: number, stride: number, length: number) => void,
): void {
  const { shape, stride } = a;
  const ndim = shape.length;
  const size = sizeOf(shape);
  if (size === 0) return;
  if (ndim === 0 || isContiguous(a)) {
    row(a.offset, 1, size);
    return;
  }
  const last = ndim - 1;
  const counter = new Array<number>(last).fill(0);
  let offset = a.offset;
  while (true) {
    row(offset, stride[last], shape[last]);
    let axis = last - 1;
    while (axis >= 0) {
      counter[axis]++;
      offset += stride[axis];
      if (counter[axis] < shape[axis]) break;
      offset -= stride[axis] * shape[axis];
      counter[axis] = 0;
      axis--;
    }
    if (axis < 0) return;
  }
}

/** The index in `shape` of the `flatIndex`-th element in row-major order. */
export function unravelIndex(
  shape: readonly number[],
  flatIndex: number,
): number[] {
  const index = new Array<number>(shape.length);
  let rest = flatIndex;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    index[axis] = rest % shape[axis];
    rest = Math.floor(rest / shape[axis]);
  }
  return index;
}

/** Copy of the elements of `a` in row-major order. */
export function toFlat(a: Float64NdArray): Float64Array {
  const out = new Float64Array(sizeOf(a.shape));
  const data = a.data;
  let k = 0;
  forEachRow(a, (offset, stride, length) => {
    for (let i = 0; i < length; i++) out[k++] = data[offset + i * stride];
  });
  return out;
}

/** A contiguous copy of `a` (used when a kernel needs plain storage). */
export function copyOf(a: Float64NdArray): Float64NdArray {
  const out = zerosOf(a.shape);
  const target = out.data;
  const source = a.data;
  let k = out.offset;
  forEachRow(a, (offset, stride, length) => {
    for (let i = 0; i < length; i++) target[k++] = source[offset + i * stride];
  });
  return out;
}
