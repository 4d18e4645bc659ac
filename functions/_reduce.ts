// Array kernels shared by the neural-network functions: reductions along
// axes (max, min, log-sum-exp) and elementwise maps of one or two broadcast
// arrays. They work on plain ndarrays and know nothing of Variables.

import { binary, type BinaryRow } from "../core/_kernels.ts";
import {
  copyOf,
  type Float64NdArray,
  formatShape,
  sizeOf,
  zerosOf,
} from "../core/_ndarray.ts";
import { normalizeAxes, sumArray, transposeArray } from "../core/_tensor.ts";

/** Reduction axes as {@linkcode normalizeAxes} reads them. */
export type Axes = number | readonly number[] | undefined;

/** `shape` with the reduced `axes` kept as length 1. */
export function keptShape(
  shape: readonly number[],
  axes: readonly number[],
): number[] {
  return shape.map((n, axis) => axes.includes(axis) ? 1 : n);
}

/**
 * Reduce `a` over `axes` with `combine`, starting from each group's first
 * element. The reduced axes are moved last and copied contiguous, so each
 * result is one pass over a contiguous run.
 */
export function reduceArray(
  caller: string,
  a: Float64NdArray,
  axes: Axes,
  keepdims: boolean,
  combine: (accumulated: number, value: number) => number,
): Float64NdArray {
  const shape = a.shape;
  const reduced = normalizeAxes(caller, axes, shape.length);
  const kept = shape.map((_, axis) => axis).filter((axis) =>
    !reduced.includes(axis)
  );
  const groupSize = sizeOf(reduced.map((axis) => shape[axis]));
  if (groupSize === 0) {
    throw new TypeError(
      `Cannot reduce shape ${formatShape(shape)} over axes ${
        formatShape(reduced)
      }: ${caller} needs at least one element per group, got none`,
    );
  }
  const outShape = keepdims
    ? keptShape(shape, reduced)
    : kept.map((axis) => shape[axis]);
  const out = zerosOf(outShape);
  const moved = copyOf(transposeArray(caller, a, [...kept, ...reduced]));
  const source = moved.data;
  const target = out.data;
  const groups = sizeOf(outShape);
  for (let g = 0; g < groups; g++) {
    let offset = moved.offset + g * groupSize;
    let accumulated = source[offset++];
    for (let i = 1; i < groupSize; i++) {
      accumulated = combine(accumulated, source[offset++]);
    }
    target[out.offset + g] = accumulated;
  }
  return out;
}

/** The largest elements along `axes`; NaN wins, as in NumPy's `max`. */
export function maxArray(
  caller: string,
  a: Float64NdArray,
  axes: Axes,
  keepdims: boolean,
): Float64NdArray {
  return reduceArray(caller, a, axes, keepdims, Math.max);
}

/** The smallest elements along `axes`; NaN wins, as in NumPy's `min`. */
export function minArray(
  caller: string,
  a: Float64NdArray,
  axes: Axes,
  keepdims: boolean,
): Float64NdArray {
  return reduceArray(caller, a, axes, keepdims, Math.min);
}

/**
 * `log(sum(exp(x)))` over `axes`, with the axes kept as length 1. The
 * largest element is subtracted first, so ±1000 stays finite; a non-finite
 * maximum is replaced by 0 (as SciPy does), so a group of -Infinity gives
 * -Infinity and not NaN.
 */
export function logsumexpArray(
  caller: string,
  x: Float64NdArray,
  axes: Axes,
): Float64NdArray {
  const shifts = mapArray(
    maxArray(caller, x, axes, true),
    (m) => Number.isFinite(m) ? m : 0,
  );
  const exps = combineArrays(caller, x, shifts, (v, m) => Math.exp(v - m));
  const sums = sumArray(caller, exps, axes, true);
  return combineArrays(caller, sums, shifts, (s, m) => Math.log(s) + m);
}

/** A new array of `fn` applied to each element of `a`. */
export function mapArray(
  a: Float64NdArray,
  fn: (value: number) => number,
): Float64NdArray {
  const out = copyOf(a);
  const data = out.data;
  const end = out.offset + sizeOf(out.shape);
  for (let i = out.offset; i < end; i++) data[i] = fn(data[i]);
  return out;
}

/** A new array of `fn` applied to `a` and `b` broadcast together. */
export function combineArrays(
  caller: string,
  a: Float64NdArray,
  b: Float64NdArray,
  fn: (a: number, b: number) => number,
): Float64NdArray {
  const row: BinaryRow = (
    aData,
    aOffset,
    aStride,
    bData,
    bOffset,
    bStride,
    y,
    yOffset,
    length,
  ) => {
    for (let i = 0; i < length; i++) {
      y[yOffset + i] = fn(aData[aOffset], bData[bOffset]);
      aOffset += aStride;
      bOffset += bStride;
    }
  };
  return binary(a, b, row, caller);
}
