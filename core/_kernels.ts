// Elementwise kernels. Each operation supplies a row function, a plain loop
// over one strided row of its inputs; the drivers here walk the rows. A
// contiguous input is a single row, so the common case is one tight loop with
// no index arithmetic, and the row function stays monomorphic (fast) because
// each operation has its own.

import {
  type Float64NdArray,
  forEachRow,
  formatShape,
  isContiguous,
  isExact,
  sameShape,
  sizeOf,
  zerosOf,
} from "./_ndarray.ts";

/**
 * A row of a unary kernel: read `length` values from `x` starting at
 * `xOffset` with step `xStride`, write them to `y` from `yOffset` on.
 */
export type UnaryRow = (
  x: Float64Array,
  xOffset: number,
  xStride: number,
  y: Float64Array,
  yOffset: number,
  length: number,
) => void;

/** A row of a binary kernel: as {@linkcode UnaryRow} with two inputs. */
export type BinaryRow = (
  a: Float64Array,
  aOffset: number,
  aStride: number,
  b: Float64Array,
  bOffset: number,
  bStride: number,
  y: Float64Array,
  yOffset: number,
  length: number,
) => void;

/**
 * Who is asking, for error messages: a name, or a Function whose `name` is
 * read only when an error is actually thrown.
 */
export type Caller = string | { readonly name: string };

/** The name of a caller. */
export function nameOf(caller: Caller): string {
  return typeof caller === "string" ? caller : caller.name;
}

/**
 * Apply a unary row kernel to every element of `x` into a new array, or into
 * `out` when given: an array of `x`'s shape with storage of exactly its
 * elements (see `isExact`), which may be `x` itself, since each element is
 * read before it is written, but must share no storage with `x` otherwise.
 */
export function unary(
  x: Float64NdArray,
  row: UnaryRow,
  out?: Float64NdArray,
): Float64NdArray {
  const y = outputFor(out, x.shape);
  const source = x.data;
  const target = y.data;
  let k = y.offset;
  forEachRow(x, (offset, stride, length) => {
    row(source, offset, stride, target, k, length);
    k += length;
  });
  return y;
}

/**
 * `out` when it can take a result of `shape` (see `unary`, `binary`), else a
 * new zero-filled array of that shape.
 */
function outputFor(
  out: Float64NdArray | undefined,
  shape: readonly number[],
): Float64NdArray {
  return out !== undefined && sameShape(out.shape, shape) && isExact(out)
    ? out
    : zerosOf(shape);
}

/**
 * The shape two shapes broadcast to under NumPy's rules, or a `TypeError`
 * naming `caller` and both shapes.
 */
export function broadcastShapes(
  caller: Caller,
  a: readonly number[],
  b: readonly number[],
): number[] {
  const ndim = Math.max(a.length, b.length);
  const out = new Array<number>(ndim);
  for (let i = 0; i < ndim; i++) {
    const da = a[a.length - ndim + i] ?? 1;
    const db = b[b.length - ndim + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new TypeError(
        `Cannot broadcast shapes ${formatShape(a)} and ${formatShape(b)} in ${
          nameOf(caller)
        }: dimension ${i} is ${da} and ${db}, expected equal or 1`,
      );
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** Strides of `a` seen as an array of `shape` (0 on broadcast axes). */
function broadcastStrides(
  a: Float64NdArray,
  shape: readonly number[],
): number[] {
  const ndim = shape.length;
  const lead = ndim - a.shape.length;
  const stride = new Array<number>(ndim).fill(0);
  for (let axis = lead; axis < ndim; axis++) {
    stride[axis] = a.shape[axis - lead] === 1 ? 0 : a.stride[axis - lead];
  }
  return stride;
}

/**
 * Apply a binary row kernel elementwise to `a` and `b` broadcast together,
 * into a new contiguous array. Broadcasting uses stride 0; nothing is copied.
 *
 * With `out`, an array of the result's shape with storage of exactly its
 * elements (see `isExact`), the result is written there instead. `out` may
 * be `a` or `b` itself (each element is read before it is written) but must
 * share no storage with them otherwise. An `out` of another shape is
 * ignored.
 */
export function binary(
  a: Float64NdArray,
  b: Float64NdArray,
  row: BinaryRow,
  caller: Caller,
  out?: Float64NdArray,
): Float64NdArray {
  const aData = a.data;
  const bData = b.data;
  if (sameShape(a.shape, b.shape) && isContiguous(a) && isContiguous(b)) {
    const y = outputFor(out, a.shape);
    row(aData, a.offset, 1, bData, b.offset, 1, y.data, y.offset, y.size);
    return y;
  }
  const shape = broadcastShapes(caller, a.shape, b.shape);
  const y = outputFor(out, shape);
  const size = sizeOf(shape);
  if (size === 0) return y;
  const yData = y.data;
  const ndim = shape.length;
  if (ndim === 0) {
    row(aData, a.offset, 1, bData, b.offset, 1, yData, y.offset, 1);
    return y;
  }
  const aStride = broadcastStrides(a, shape);
  const bStride = broadcastStrides(b, shape);
  const last = ndim - 1;
  const length = shape[last];
  const counter = new Array<number>(last).fill(0);
  let aOffset = a.offset;
  let bOffset = b.offset;
  let k = y.offset;
  while (true) {
    row(
      aData,
      aOffset,
      aStride[last],
      bData,
      bOffset,
      bStride[last],
      yData,
      k,
      length,
    );
    k += length;
    let axis = last - 1;
    while (axis >= 0) {
      counter[axis]++;
      aOffset += aStride[axis];
      bOffset += bStride[axis];
      if (counter[axis] < shape[axis]) break;
      aOffset -= aStride[axis] * shape[axis];
      bOffset -= bStride[axis] * shape[axis];
      counter[axis] = 0;
      axis--;
    }
    if (axis < 0) return y;
  }
}

/** Row kernel: `y = a * b`. */
export function productRow(
  a: Float64Array,
  aOffset: number,
  aStride: number,
  b: Float64Array,
  bOffset: number,
  bStride: number,
  y: Float64Array,
  yOffset: number,
  length: number,
): void {
  for (let i = 0; i < length; i++) {
    y[yOffset + i] = a[aOffset] * b[bOffset];
    aOffset += aStride;
    bOffset += bStride;
  }
}

/** Row kernel: `y = a + b`. */
export function sumRow(
  a: Float64Array,
  aOffset: number,
  aStride: number,
  b: Float64Array,
  bOffset: number,
  bStride: number,
  y: Float64Array,
  yOffset: number,
  length: number,
): void {
  for (let i = 0; i < length; i++) {
    y[yOffset + i] = a[aOffset] + b[bOffset];
    aOffset += aStride;
    bOffset += bStride;
  }
}

/**
 * Sum `a` down to `shape`, the inverse of broadcasting `shape` up to
 * `a.shape`: axes that broadcasting added or stretched from 1 are summed.
 * Returns `a` itself when the shapes are already equal.
 */
export function sumTo(
  a: Float64NdArray,
  shape: readonly number[],
): Float64NdArray {
  if (sameShape(a.shape, shape)) return a;
  const out = zerosOf(shape);
  const ndim = a.shape.length;
  const lead = ndim - shape.length;
  // Strides into `out` seen from `a`'s axes: 0 where `out` is summed over.
  const outStride = new Array<number>(ndim).fill(0);
  let step = 1;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    outStride[axis + lead] = shape[axis] === 1 ? 0 : step;
    step *= shape[axis];
  }
  const source = a.data;
  const target = out.data;
  if (ndim === 0 || sizeOf(a.shape) === 0) return out;
  const last = ndim - 1;
  const counter = new Array<number>(last).fill(0);
  let offset = a.offset;
  let k = out.offset;
  const length = a.shape[last];
  const aStride = a.stride[last];
  const oStride = outStride[last];
  while (true) {
    for (let i = 0; i < length; i++) {
      target[k + i * oStride] += source[offset + i * aStride];
    }
    let axis = last - 1;
    while (axis >= 0) {
      counter[axis]++;
      offset += a.stride[axis];
      k += outStride[axis];
      if (counter[axis] < a.shape[axis]) break;
      offset -= a.stride[axis] * a.shape[axis];
      k -= outStride[axis] * a.shape[axis];
      counter[axis] = 0;
      axis--;
    }
    if (axis < 0) return out;
  }
}
