// The array kernels behind the convolution and pooling functions: reading
// kernel/stride/pad arguments, the output geometry, im2col and col2im in
// both of DeZero's layouts, and the NCHW <-> row-matrix copies around the
// matrix products. Every loop writes its output in order and bounds-checks
// once per row, not once per element.

import { describe } from "../core/_describe.ts";
import {
  copyOf,
  type Float64NdArray,
  formatShape,
  isContiguous,
  sameShape,
  zerosOf,
} from "../core/_ndarray.ts";

export type { Pair } from "./pair.ts";

/**
 * `value` as `[height, width]`, or an error naming the function: a TypeError
 * for anything but an integer or a pair of integers, a RangeError below
 * `min` (1 for kernels and strides, 0 for padding).
 */
export function toPair(
  caller: string,
  name: string,
  value: unknown,
  min: number,
): [number, number] {
  const values = typeof value === "number"
    ? [value, value]
    : Array.isArray(value) && value.length === 2
    ? value
    : null;
  if (values === null || !values.every((v) => Number.isInteger(v))) {
    throw new TypeError(
      `Cannot use ${
        describe(value)
      } as the ${name}: ${caller} expects an integer or a pair of integers`,
    );
  }
  if (values[0] < min || values[1] < min) {
    throw new RangeError(
      `Cannot use ${
        typeof value === "number" ? value : formatShape(values)
      } as the ${name}: ${caller} expects ${
        min === 0 ? "non-negative" : "positive"
      } integers`,
    );
  }
  return [values[0], values[1]];
}

/** The sizes of a convolution or pooling over an NCHW image. */
export interface Geometry {
  N: number;
  C: number;
  H: number;
  W: number;
  KH: number;
  KW: number;
  SH: number;
  SW: number;
  PH: number;
  PW: number;
  OH: number;
  OW: number;
}

/** Kernel, stride and padding, already read by {@linkcode toPair}. */
export interface Window {
  kernel: [number, number];
  stride: [number, number];
  pad: [number, number];
}

/** Read kernel, stride and padding arguments. */
export function toWindow(
  caller: string,
  kernelSize: unknown,
  stride: unknown,
  pad: unknown,
): Window {
  return {
    kernel: toPair(caller, "kernel size", kernelSize, 1),
    stride: toPair(caller, "stride", stride, 1),
    pad: toPair(caller, "padding", pad, 0),
  };
}

/** A TypeError unless `shape` is 4-d. */
export function checkImageShape(
  caller: string,
  name: string,
  shape: readonly number[],
): void {
  if (shape.length !== 4) {
    throw new TypeError(
      `Cannot apply ${caller} to ${name} of shape ${
        formatShape(shape)
      }: expected a 4-d array (N, C, H, W), got ${shape.length}-d`,
    );
  }
}

/** One axis of the output size, or a RangeError when the kernel does not fit. */
function outsize(
  caller: string,
  shape: readonly number[],
  axis: string,
  size: number,
  kernel: number,
  stride: number,
  pad: number,
): number {
  if (size + 2 * pad < kernel) {
    throw new RangeError(
      `Cannot apply ${caller} to shape ${
        formatShape(shape)
      }: the kernel's ${axis} ${kernel} is larger than the padded input's ${
        size + 2 * pad
      }`,
    );
  }
  return Math.floor((size + 2 * pad - kernel) / stride) + 1;
}

/** The geometry of sliding `window` over an image of shape `shape`. */
export function geometry(
  caller: string,
  shape: readonly number[],
  window: Window,
): Geometry {
  checkImageShape(caller, "an input", shape);
  const [N, C, H, W] = shape;
  const [KH, KW] = window.kernel;
  const [SH, SW] = window.stride;
  const [PH, PW] = window.pad;
  const OH = outsize(caller, shape, "height", H, KH, SH, PH);
  const OW = outsize(caller, shape, "width", W, KW, SW, PW);
  return { N, C, H, W, KH, KW, SH, SW, PH, PW, OH, OW };
}

/** The shape of im2col's result in either layout. */
export function colShape(g: Geometry, toMatrix: boolean): number[] {
  return toMatrix
    ? [g.N * g.OH * g.OW, g.C * g.KH * g.KW]
    : [g.N, g.C, g.KH, g.KW, g.OH, g.OW];
}

/** The first and one-past-last output positions whose input is inside. */
function validRange(
  k: number,
  stride: number,
  pad: number,
  size: number,
  out: number,
): [number, number] {
  // Input position i = o * stride - pad + k must satisfy 0 <= i < size.
  const start = Math.max(0, Math.ceil((pad - k) / stride));
  const end = Math.min(out, Math.floor((size - 1 + pad - k) / stride) + 1);
  return [start, Math.max(start, end)];
}

/**
 * Extract the patches of `x`: `[N, C, KH, KW, OH, OW]`, or with `toMatrix`
 * the rows `[N * OH * OW, C * KH * KW]` (DeZero's `im2col_array`). Positions
 * in the padding are 0.
 */
export function im2colArray(
  x: Float64NdArray,
  g: Geometry,
  toMatrix: boolean,
): Float64NdArray {
  const source = isContiguous(x) ? x : copyOf(x);
  const data = source.data;
  const offset = source.offset;
  const out = zerosOf(colShape(g, toMatrix));
  const col = out.data;
  const { N, C, H, W, KH, KW, SH, SW, PH, PW, OH, OW } = g;
  if (!toMatrix) {
    let o = 0;
    for (let n = 0; n < N; n++) {
      for (let c = 0; c < C; c++) {
        const plane = offset + (n * C + c) * H * W;
        for (let kh = 0; kh < KH; kh++) {
          const [ohStart, ohEnd] = validRange(kh, SH, PH, H, OH);
          for (let kw = 0; kw < KW; kw++) {
            const [owStart, owEnd] = validRange(kw, SW, PW, W, OW);
            for (let oh = ohStart; oh < ohEnd; oh++) {
              const row = plane + (oh * SH - PH + kh) * W - PW + kw;
              const target = o + oh * OW;
              for (let ow = owStart; ow < owEnd; ow++) {
                col[target + ow] = data[row + ow * SW];
              }
            }
            o += OH * OW;
          }
        }
      }
    }
    return out;
  }
  const rowLength = C * KH * KW;
  for (let n = 0; n < N; n++) {
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0; ow < OW; ow++) {
        const target = ((n * OH + oh) * OW + ow) * rowLength;
        const x0 = ow * SW - PW;
        const kwStart = Math.max(0, -x0);
        const kwEnd = Math.min(KW, W - x0);
        for (let c = 0; c < C; c++) {
          const plane = offset + (n * C + c) * H * W;
          for (let kh = 0; kh < KH; kh++) {
            const y = oh * SH - PH + kh;
            if (y < 0 || y >= H) continue;
            const row = plane + y * W + x0;
            const t = target + (c * KH + kh) * KW;
            for (let kw = kwStart; kw < kwEnd; kw++) {
              col[t + kw] = data[row + kw];
            }
          }
        }
      }
    }
  }
  return out;
}

/**
 * The adjoint of {@linkcode im2colArray}: add every patch back into an image
 * of shape `[N, C, H, W]` (DeZero's `col2im_array`); overlapping patches add
 * up, entries in the padding are dropped.
 */
export function col2imArray(
  col: Float64NdArray,
  g: Geometry,
  toMatrix: boolean,
): Float64NdArray {
  const source = isContiguous(col) ? col : copyOf(col);
  const data = source.data;
  const offset = source.offset;
  const { N, C, H, W, KH, KW, SH, SW, PH, PW, OH, OW } = g;
  const out = zerosOf([N, C, H, W]);
  const img = out.data;
  if (!toMatrix) {
    let o = offset;
    for (let n = 0; n < N; n++) {
      for (let c = 0; c < C; c++) {
        const plane = (n * C + c) * H * W;
        for (let kh = 0; kh < KH; kh++) {
          const [ohStart, ohEnd] = validRange(kh, SH, PH, H, OH);
          for (let kw = 0; kw < KW; kw++) {
            const [owStart, owEnd] = validRange(kw, SW, PW, W, OW);
            for (let oh = ohStart; oh < ohEnd; oh++) {
              const row = plane + (oh * SH - PH + kh) * W - PW + kw;
              const from = o + oh * OW;
              for (let ow = owStart; ow < owEnd; ow++) {
                img[row + ow * SW] += data[from + ow];
              }
            }
            o += OH * OW;
          }
        }
      }
    }
    return out;
  }
  const rowLength = C * KH * KW;
  for (let n = 0; n < N; n++) {
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0; ow < OW; ow++) {
        const from = offset + ((n * OH + oh) * OW + ow) * rowLength;
        const x0 = ow * SW - PW;
        const kwStart = Math.max(0, -x0);
        const kwEnd = Math.min(KW, W - x0);
        for (let c = 0; c < C; c++) {
          const plane = (n * C + c) * H * W;
          for (let kh = 0; kh < KH; kh++) {
            const y = oh * SH - PH + kh;
            if (y < 0 || y >= H) continue;
            const row = plane + y * W + x0;
            const f = from + (c * KH + kh) * KW;
            for (let kw = kwStart; kw < kwEnd; kw++) {
              img[row + kw] += data[f + kw];
            }
          }
        }
      }
    }
  }
  return out;
}

/**
 * An NCHW array as the matrix `[N * H * W, C]` (one row per pixel), the
 * left operand of the product in deconv2d.
 */
export function pixelRows(x: Float64NdArray): Float64NdArray {
  const [N, C, H, W] = x.shape;
  const [sn, sc, sh, sw] = x.stride;
  const data = x.data;
  const out = zerosOf([N * H * W, C]);
  const rows = out.data;
  let o = 0;
  for (let n = 0; n < N; n++) {
    for (let h = 0; h < H; h++) {
      for (let w = 0; w < W; w++) {
        let i = x.offset + n * sn + h * sh + w * sw;
        for (let c = 0; c < C; c++, i += sc) rows[o++] = data[i];
      }
    }
  }
  return out;
}

/**
 * An NCHW array as the matrix `[C, N * H * W]` (one row per channel), the
 * left operand of the product in Conv2DGradW.
 */
export function channelRows(x: Float64NdArray): Float64NdArray {
  const [N, C, H, W] = x.shape;
  const [sn, sc, sh, sw] = x.stride;
  const data = x.data;
  const out = zerosOf([C, N * H * W]);
  const rows = out.data;
  let o = 0;
  for (let c = 0; c < C; c++) {
    for (let n = 0; n < N; n++) {
      for (let h = 0; h < H; h++) {
        const i = x.offset + n * sn + c * sc + h * sh;
        for (let w = 0; w < W; w++) rows[o++] = data[i + w * sw];
      }
    }
  }
  return out;
}

/**
 * The inverse of {@linkcode pixelRows}: a contiguous `[N * H * W, C]`
 * matrix back to NCHW, adding `bias[c]` to channel c when given.
 */
export function fromPixelRows(
  rows: Float64NdArray,
  shape: readonly [number, number, number, number],
  bias: Float64NdArray | undefined,
): Float64NdArray {
  const [N, C, H, W] = shape;
  const source = isContiguous(rows) ? rows : copyOf(rows);
  const data = source.data;
  const out = zerosOf(shape);
  const y = out.data;
  const pixels = H * W;
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      const value = bias === undefined ? 0 : bias.get(c);
      let i = source.offset + n * pixels * C + c;
      let o = (n * C + c) * pixels;
      for (let p = 0; p < pixels; p++, i += C) y[o++] = data[i] + value;
    }
  }
  return out;
}

/** Add `bias[c]` to every element of channel c of a contiguous NCHW array, in place. */
export function addChannelBias(y: Float64NdArray, bias: Float64NdArray): void {
  const [N, C, H, W] = y.shape;
  const data = y.data;
  const pixels = H * W;
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      const value = bias.get(c);
      const start = y.offset + (n * C + c) * pixels;
      for (let p = start; p < start + pixels; p++) data[p] += value;
    }
  }
}

/** A TypeError unless a bias has shape `[channels]`. */
export function checkBias(
  caller: string,
  b: Float64NdArray | undefined,
  channels: number,
  wShape: readonly number[],
): void {
  if (b === undefined) return;
  if (!sameShape(b.shape, [channels])) {
    throw new TypeError(
      `Cannot apply ${caller} with W of shape ${
        formatShape(wShape)
      } and b of shape ${
        formatShape(b.shape)
      }: expected b of shape [${channels}], one value per output channel`,
    );
  }
}

/** `toMatrix` as a boolean, or a TypeError. */
export function checkToMatrix(caller: string, toMatrix: unknown): boolean {
  if (typeof toMatrix !== "boolean") {
    throw new TypeError(
      `Cannot use ${
        describe(toMatrix)
      } as toMatrix: ${caller} expects a boolean`,
    );
  }
  return toMatrix;
}

/**
 * Check the shapes of an image and a filter bank: both 4-d, and the image's
 * channels equal to axis `channelAxis` of the filters (1 for conv2d's
 * `[OC, C, KH, KW]`, 0 for deconv2d's `[C, OC, KH, KW]`). Returns the
 * output channels and the kernel's height and width.
 */
export function checkFilters(
  caller: string,
  x: Float64NdArray,
  W: Float64NdArray,
  channelAxis: 0 | 1,
): [number, number, number] {
  checkImageShape(caller, "x", x.shape);
  if (W.shape.length !== 4) {
    throw new TypeError(
      `Cannot apply ${caller} with W of shape ${
        formatShape(W.shape)
      }: expected 4-d filters ${
        channelAxis === 1 ? "(OC, C, KH, KW)" : "(C, OC, KH, KW)"
      }, got ${W.shape.length}-d`,
    );
  }
  const channels = W.shape[channelAxis];
  if (x.shape[1] !== channels) {
    throw new TypeError(
      `Cannot apply ${caller} to x of shape ${
        formatShape(x.shape)
      } and W of shape ${formatShape(W.shape)}: x has ${
        x.shape[1]
      } channels, W expects ${channels} (axis ${channelAxis})`,
    );
  }
  return [W.shape[1 - channelAxis], W.shape[2], W.shape[3]];
}

/** A TypeError unless `shape` equals the shape the pooling recorded. */
export function checkPooledShape(
  caller: string,
  name: string,
  shape: readonly number[],
  expected: readonly number[],
): void {
  if (expected.length === 0) {
    throw new TypeError(
      `Cannot apply ${caller}: its Pooling has not run forward yet`,
    );
  }
  if (!sameShape(shape, expected)) {
    throw new TypeError(
      `Cannot apply ${caller} to ${name} of shape ${
        formatShape(shape)
      }: its Pooling expects shape ${formatShape(expected)}`,
    );
  }
}
