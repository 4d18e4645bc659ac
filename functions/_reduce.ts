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
 * x - m along `axes`, m the maximum of each group (kept as length 1), and
 * sum(exp(x - m)) per group: the parts of a softmax that cannot overflow.
 * A non-finite maximum is replaced by 0 (as SciPy does), so a group of
 * -Infinity gives -Infinity and not NaN.
 */
function shiftedExpSums(
  caller: string,
  x: Float64NdArray,
  axes: Axes,
): { shifts: Float64NdArray; shifted: Float64NdArray; sums: Float64NdArray } {
  const shifts = mapArray(
    maxArray(caller, x, axes, true),
    (m) => Number.isFinite(m) ? m : 0,
  );
  const shifted = combineArrays(caller, x, shifts, (v, m) => v - m);
  const sums = sumArray(caller, mapArray(shifted, Math.exp), axes, true);
  return { shifts, shifted, sums };
}

/** `log(sum(exp(x)))` over `axes`, kept as length 1: m + log(sum(exp(x - m))). */
export function logsumexpArray(
  caller: string,
  x: Float64NdArray,
  axes: Axes,
): Float64NdArray {
  const { shifts, sums } = shiftedExpSums(caller, x, axes);
  return combineArrays(caller, sums, shifts, (s, m) => Math.log(s) + m);
}

/**
 * The softmax over `axes` as exp(x - m) / sum(exp(x - m)): the division by
 * the sum, not a subtraction of a log-sum-exp near 1000, keeps the result
 * as exact as the inputs allow.
 */
export function softmaxArray(
  caller: string,
  x: Float64NdArray,
  axes: Axes,
): Float64NdArray {
  const { shifted, sums } = shiftedExpSums(caller, x, axes);
  return combineArrays(caller, shifted, sums, (v, s) => Math.exp(v) / s);
}

/** The log-softmax over `axes` as (x - m) - log(sum(exp(x - m))). */
export function logSoftmaxArray(
  caller: string,
  x: Float64NdArray,
  axes: Axes,
): Float64NdArray {
  const { shifted, sums } = shiftedExpSums(caller, x, axes);
  return combineArrays(caller, shifted, sums, (v, s) => v - Math.log(s));
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
