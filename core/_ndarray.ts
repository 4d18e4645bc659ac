// The one file that talks to the `ndarray` package. Everything else in the
// library goes through the helpers here, so the dependency, its types and the
// tricks that make small arrays cheap live in one place.

// @ts-types="@types/ndarray"
import ndarray from "ndarray";
import type { NdArray } from "ndarray";
import { installPrinting } from "./_format.ts";

/** An n-dimensional float64 array: an `ndarray` (npm) over a `Float64Array`. */
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
    installPrinting(Object.getPrototypeOf(sample));
    viewConstructors[dimension] = ctor;
  }
  return ctor;
}

/**
 * Make a view over `data` with the given shape, strides and offset. The shape
 * and strides arrays are copied, so callers may reuse theirs.
 */
export function view(
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

// Scalars and other small results are carved out of shared slabs: a fresh
// `Float64Array` costs about a microsecond in Deno, more than a whole scalar
// operation should. A slab is freed by the garbage collector once no view into
// it is alive, so nothing needs to be released by hand.
const SLAB_LENGTH = 4096;
const SMALL_ARRAY = 16;
let slab = new Float64Array(SLAB_LENGTH);
let slabUsed = 0;

/** A new contiguous, zero-filled array of the given shape. */
export function zerosOf(shape: readonly number[]): Float64NdArray {
  if (shape.length === 0) return scalarOf(0);
  const size = sizeOf(shape);
  if (size > SMALL_ARRAY) {
    return view(new Float64Array(size), shape, contiguousStrides(shape), 0);
  }
  if (slabUsed + size > SLAB_LENGTH) {
    slab = new Float64Array(SLAB_LENGTH);
    slabUsed = 0;
  }
  const offset = slabUsed;
  slabUsed += size;
  return view(slab, shape, contiguousStrides(shape), offset);
}

/** A new 0-d array holding `value`. The hot path of every scalar operation. */
export function scalarOf(value: number): Float64NdArray {
  if (slabUsed === SLAB_LENGTH) {
    slab = new Float64Array(SLAB_LENGTH);
    slabUsed = 0;
  }
  slab[slabUsed] = value;
  return view(slab, [], [], slabUsed++);
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
