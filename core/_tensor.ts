// Shape kernels on plain ndarrays: reshape, transpose, sum, broadcast and
// matrix product. The differentiable functions in `functions/` wrap these; the
// kernels themselves know nothing of Variables. None modifies its inputs.
// Reshape (of a contiguous array), transpose and broadcast return views that
// share the input's storage; sum and matmul allocate their result once. Every
// walk over an array is an iterative odometer, so any number of dimensions is
// safe.

import { describe } from "./_describe.ts";
import {
  contiguousStrides,
  copyOf,
  type Float64NdArray,
  formatShape,
  isContiguous,
  sizeOf,
  view,
  zerosOf,
} from "./_ndarray.ts";
import { matmulWasm } from "./_wasm/_matmul.ts";

/** Whether `value` can be the length of an axis. */
function isLength(value: number): boolean {
  return Number.isInteger(value) && value >= 0;
}

/**
 * `a` with a new shape of the same size. One entry of `shape` may be -1 and is
 * then inferred. A contiguous `a` is viewed without copying; a strided one is
 * copied to contiguous storage first.
 *
 * @param caller The public function, named in error messages.
 * @param a The array to reshape.
 * @param shape The new shape.
 * @returns A contiguous array of shape `shape` holding `a`'s elements in
 * row-major order.
 */
export function reshapeArray(
  caller: string,
  a: Float64NdArray,
  shape: readonly number[],
): Float64NdArray {
  const size = sizeOf(a.shape);
  const fail = (detail: string): TypeError =>
    new TypeError(
      `Cannot reshape shape ${formatShape(a.shape)} to ${
        formatShape(shape)
      }: ${caller} ${detail}`,
    );
  let inferred = -1;
  let known = 1;
  for (let axis = 0; axis < shape.length; axis++) {
    const length = shape[axis];
    if (length === -1) {
      if (inferred !== -1) throw fail("allows at most one -1");
      inferred = axis;
    } else if (isLength(length)) {
      known *= length;
    } else {
      throw fail(
        `needs non-negative integer lengths or -1, got ${length} at axis ${axis}`,
      );
    }
  }
  let target = shape;
  if (inferred !== -1) {
    // With a zero among the known lengths any value fits -1: refuse to guess.
    if (known === 0) throw fail("cannot infer -1 next to a length of 0");
    if (size % known !== 0) {
      throw fail(`needs ${size} elements, got a multiple of ${known}`);
    }
    target = shape.slice();
    (target as number[])[inferred] = size / known;
  } else if (known !== size) {
    throw fail(`needs ${size} elements, got ${known}`);
  }
  const source = isContiguous(a) ? a : copyOf(a);
  return view(source.data, target, contiguousStrides(target), source.offset);
}

/**
 * A view of `a` with its axes permuted: axis `i` of the result is axis
 * `axes[i]` of `a`. Nothing is copied.
 *
 * @param caller The public function, named in error messages.
 * @param a The array to transpose.
 * @param axes A permutation of `a`'s axes, negative ones counting from the
 * end; by default the axes reversed.
 * @returns A view sharing `a`'s storage.
 */
export function transposeArray(
  caller: string,
  a: Float64NdArray,
  axes?: readonly number[],
): Float64NdArray {
  const { shape, stride } = a;
  const ndim = shape.length;
  const newShape = new Array<number>(ndim);
  const newStride = new Array<number>(ndim);
  if (axes === undefined) {
    for (let axis = 0; axis < ndim; axis++) {
      newShape[axis] = shape[ndim - 1 - axis];
      newStride[axis] = stride[ndim - 1 - axis];
    }
    return view(a.data, newShape, newStride, a.offset);
  }
  const prefix = `Cannot transpose shape ${formatShape(shape)} with axes ${
    formatShape(axes)
  }: ${caller}`;
  if (axes.length !== ndim) {
    throw new TypeError(`${prefix} needs ${ndim} axes, got ${axes.length}`);
  }
  const seen = new Array<boolean>(ndim).fill(false);
  for (let i = 0; i < ndim; i++) {
    const axis = axes[i];
    if (!Number.isInteger(axis)) {
      throw new TypeError(`${prefix} needs integer axes, got ${axis}`);
    }
    if (axis < -ndim || axis >= ndim) {
      throw new RangeError(
        `${prefix} needs axes in ${-ndim}..${ndim - 1}, got ${axis}`,
      );
    }
    const normalized = axis < 0 ? axis + ndim : axis;
    if (seen[normalized]) {
      throw new TypeError(`${prefix} got axis ${normalized} twice`);
    }
    seen[normalized] = true;
    newShape[i] = shape[normalized];
    newStride[i] = stride[normalized];
  }
  return view(a.data, newShape, newStride, a.offset);
}

/**
 * The axes a reduction runs over, as sorted, distinct, non-negative integers.
 *
 * @param caller The public function, named in error messages.
 * @param axes One axis, several, or `null` or `undefined` for all; negative
 * axes count from the end.
 * @param ndim The number of dimensions of the array reduced.
 * @returns The axes in increasing order.
 */
export function normalizeAxes(
  caller: string,
  axes: number | readonly number[] | null | undefined,
  ndim: number,
): number[] {
  if (axes === undefined || axes === null) {
    return Array.from({ length: ndim }, (_, i) => i);
  }
  if (typeof axes !== "number" && !Array.isArray(axes)) {
    // Reached only without type checks; a string would otherwise be read
    // character by character.
    throw new TypeError(
      `Cannot reduce over ${
        describe(axes)
      }: ${caller} expects an axis, an array of axes or null for all`,
    );
  }
  const list: readonly number[] = typeof axes === "number" ? [axes] : axes;
  const prefix = `Cannot reduce over axes ${
    formatShape(list)
  } of a ${ndim}-d array: ${caller}`;
  const seen = new Array<boolean>(ndim).fill(false);
  const out: number[] = [];
  for (const axis of list) {
    if (!Number.isInteger(axis)) {
      throw new TypeError(`${prefix} needs integer axes, got ${axis}`);
    }
    if (axis < -ndim || axis >= ndim) {
      throw new RangeError(
        ndim === 0
          ? `${prefix} accepts no axis for a 0-d array, got ${axis}`
          : `${prefix} needs axes in ${-ndim}..${ndim - 1}, got ${axis}`,
      );
    }
    const normalized = axis < 0 ? axis + ndim : axis;
    if (seen[normalized]) {
      throw new TypeError(`${prefix} got axis ${normalized} twice`);
    }
    seen[normalized] = true;
    out.push(normalized);
  }
  return out.sort((x, y) => x - y);
}

/**
 * Sum of `a` over `axes`, in one row-major pass over `a`.
 *
 * @param caller The public function, named in error messages.
 * @param a The array to sum.
 * @param axes The axes to sum over (see {@linkcode normalizeAxes}); all by
 * default, giving a 0-d array.
 * @param keepdims Keep the summed axes as length 1, so the result broadcasts
 * against `a`.
 * @returns A new contiguous array.
 */
export function sumArray(
  caller: string,
  a: Float64NdArray,
  axes?: number | readonly number[] | null,
  keepdims = false,
): Float64NdArray {
  const { shape, stride } = a;
  const ndim = shape.length;
  const reduced = new Array<boolean>(ndim).fill(false);
  for (const axis of normalizeAxes(caller, axes, ndim)) reduced[axis] = true;
  const outShape: number[] = [];
  for (let axis = 0; axis < ndim; axis++) {
    if (!reduced[axis]) outShape.push(shape[axis]);
    else if (keepdims) outShape.push(1);
  }
  const out = zerosOf(outShape);
  if (sizeOf(shape) === 0) return out;

  // Each axis of `a` as (length, stride in `a`, stride in `out`), the out
  // stride 0 on summed axes. Axes of length 1 are dropped and neighbours that
  // step evenly through both arrays merged, so a contiguous array summed over
  // everything is one flat loop.
  const lengths: number[] = [];
  const aStrides: number[] = [];
  const outStrides: number[] = [];
  let outStep = 1;
  for (let axis = ndim - 1; axis >= 0; axis--) {
    const length = shape[axis];
    const outStride = reduced[axis] ? 0 : outStep;
    if (!reduced[axis]) outStep *= length;
    if (length === 1) continue;
    const inner = lengths.length - 1;
    if (
      inner >= 0 &&
      stride[axis] === aStrides[inner] * lengths[inner] &&
      outStride === outStrides[inner] * lengths[inner]
    ) {
      lengths[inner] *= length;
    } else {
      lengths.push(length);
      aStrides.push(stride[axis]);
      outStrides.push(outStride);
    }
  }
  // Built innermost first; the odometer wants outermost first.
  lengths.reverse();
  aStrides.reverse();
  outStrides.reverse();

  const source = a.data;
  const target = out.data;
  const dims = lengths.length;
  if (dims === 0) {
    target[out.offset] = source[a.offset];
    return out;
  }
  const last = dims - 1;
  const length = lengths[last];
  const aStride = aStrides[last];
  const oStride = outStrides[last];
  const counter = new Array<number>(last).fill(0);
  let offset = a.offset;
  let k = out.offset;
  while (true) {
    if (oStride === 0) {
      let total = 0;
      for (let i = 0; i < length; i++) total += source[offset + i * aStride];
      target[k] += total;
    } else {
      for (let i = 0; i < length; i++) {
        target[k + i * oStride] += source[offset + i * aStride];
      }
    }
    let axis = last - 1;
    while (axis >= 0) {
      counter[axis]++;
      offset += aStrides[axis];
      k += outStrides[axis];
      if (counter[axis] < lengths[axis]) break;
      offset -= aStrides[axis] * lengths[axis];
      k -= outStrides[axis] * lengths[axis];
      counter[axis] = 0;
      axis--;
    }
    if (axis < 0) return out;
  }
}

/**
 * A view of `a` broadcast to `shape` under NumPy's rules: leading axes are
 * added and axes of length 1 stretched, both with stride 0. Nothing is copied.
 *
 * @param caller The public function, named in error messages.
 * @param a The array to broadcast.
 * @param shape The shape to broadcast to.
 * @returns A view sharing `a`'s storage. Treat it as read-only: its elements
 * alias each other along broadcast axes.
 */
export function broadcastArray(
  caller: string,
  a: Float64NdArray,
  shape: readonly number[],
): Float64NdArray {
  const { shape: aShape, stride: aStride } = a;
  const ndim = shape.length;
  const lead = ndim - aShape.length;
  const prefix = `Cannot broadcast shape ${formatShape(aShape)} to ${
    formatShape(shape)
  }: ${caller}`;
  for (let axis = 0; axis < ndim; axis++) {
    if (!isLength(shape[axis])) {
      throw new TypeError(
        `${prefix} needs non-negative integer lengths, got ${
          shape[axis]
        } at axis ${axis}`,
      );
    }
  }
  if (lead < 0) {
    throw new TypeError(
      `${prefix} needs at least ${aShape.length} dimensions in the target, got ${ndim}`,
    );
  }
  const stride = new Array<number>(ndim).fill(0);
  for (let axis = 0; axis < aShape.length; axis++) {
    const from = aShape[axis];
    const to = shape[axis + lead];
    if (from === to) {
      stride[axis + lead] = aStride[axis];
    } else if (from !== 1) {
      throw new TypeError(
        `${prefix} needs dimension ${axis} to be 1 or ${to}, got ${from}`,
      );
    }
  }
  return view(a.data, shape, stride, a.offset);
}

// Cache blocking for matmul: a KB x JB panel of `b` (256 KiB) stays in L2 while
// every row of `a` passes over it, and the JB-long stretch of an output row
// stays in L1. Chosen by measurement at 1024 x 1024; the speed is flat around it.
const KB = 128;
const JB = 256;

/**
 * The matrix product of two 2-d arrays.
 *
 * @param caller The public function, named in error messages.
 * @param a An m x k matrix.
 * @param b A k x n matrix.
 * @returns A new contiguous m x n matrix.
 */
export function matmulArray(
  caller: string,
  a: Float64NdArray,
  b: Float64NdArray,
): Float64NdArray {
  const aShape = a.shape;
  const bShape = b.shape;
  // The message's start, built only when there is an error to report.
  const prefix = () =>
    `Cannot multiply shapes ${formatShape(aShape)} and ${
      formatShape(bShape)
    }: ${caller}`;
  if (aShape.length !== 2 || bShape.length !== 2) {
    throw new TypeError(
      `${prefix()} needs 2-d arrays, got ${aShape.length}-d and ${bShape.length}-d`,
    );
  }
  const [m, k] = aShape;
  const [k2, n] = bShape;
  if (k !== k2) {
    throw new TypeError(
      `${prefix()} needs the inner dimensions to agree, got ${k} and ${k2}`,
    );
  }
  const out = zerosOf([m, n]);
  if (m === 0 || n === 0 || k === 0) return out;
  if (matmulWasm(a, b, out)) return out;
  const left = isContiguous(a) ? a : copyOf(a);
  const right = isContiguous(b) ? b : copyOf(b);
  multiplyBlocked(
    left.data,
    left.offset,
    right.data,
    right.offset,
    out.data,
    out.offset,
    m,
    k,
    n,
  );
  return out;
}

/**
 * `c += a @ b` on row-major storage, in the i-k-j order: each output row is
 * built from whole rows of `b`, so the inner loop runs over adjacent memory.
 * It takes two rows of `a` and four of `b` at a time, which reads each
 * element of `b` and of `c` a quarter and a half as often as one at a time.
 */
function multiplyBlocked(
  a: Float64Array,
  aOffset: number,
  b: Float64Array,
  bOffset: number,
  c: Float64Array,
  cOffset: number,
  m: number,
  k: number,
  n: number,
): void {
  for (let kStart = 0; kStart < k; kStart += KB) {
    const kEnd = Math.min(kStart + KB, k);
    for (let jStart = 0; jStart < n; jStart += JB) {
      const jEnd = Math.min(jStart + JB, n);
      let i = 0;
      for (; i + 1 < m; i += 2) {
        const a0 = aOffset + i * k;
        const a1 = a0 + k;
        const c0 = cOffset + i * n;
        const c1 = c0 + n;
        let p = kStart;
        for (; p + 3 < kEnd; p += 4) {
          const x00 = a[a0 + p];
          const x01 = a[a0 + p + 1];
          const x02 = a[a0 + p + 2];
          const x03 = a[a0 + p + 3];
          const x10 = a[a1 + p];
          const x11 = a[a1 + p + 1];
          const x12 = a[a1 + p + 2];
          const x13 = a[a1 + p + 3];
          const b0 = bOffset + p * n;
          const b1 = b0 + n;
          const b2 = b1 + n;
          const b3 = b2 + n;
          for (let j = jStart; j < jEnd; j++) {
            const y0 = b[b0 + j];
            const y1 = b[b1 + j];
            const y2 = b[b2 + j];
            const y3 = b[b3 + j];
            c[c0 + j] += x00 * y0 + x01 * y1 + x02 * y2 + x03 * y3;
            c[c1 + j] += x10 * y0 + x11 * y1 + x12 * y2 + x13 * y3;
          }
        }
        for (; p < kEnd; p++) {
          const x0 = a[a0 + p];
          const x1 = a[a1 + p];
          const row = bOffset + p * n;
          for (let j = jStart; j < jEnd; j++) {
            const y = b[row + j];
            c[c0 + j] += x0 * y;
            c[c1 + j] += x1 * y;
          }
        }
      }
      if (i < m) {
        const a0 = aOffset + i * k;
        const c0 = cOffset + i * n;
        for (let p = kStart; p < kEnd; p++) {
          const x = a[a0 + p];
          const row = bOffset + p * n;
          for (let j = jStart; j < jEnd; j++) c[c0 + j] += x * b[row + j];
        }
      }
    }
  }
}
