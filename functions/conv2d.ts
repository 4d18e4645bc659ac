import type { Float64NdArray } from "../core/_ndarray.ts";
import { matmulArray, reshapeArray, transposeArray } from "../core/_tensor.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import {
  checkBias,
  checkFilters,
  fromPixelRows,
  geometry,
  im2colArray,
  type Pair,
  toPair,
} from "./_conv.ts";
import { Conv2DGradW } from "./conv2d_grad_w.ts";
import { deconv2d } from "./deconv2d.ts";
import { sum } from "./sum.ts";

/**
 * 2-d convolution of NCHW images (DeZero's `Conv2d` function).
 *
 * @example
 * ```ts
 * import { array, Conv2d } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * // A 2×2 image and a 2×2 kernel of ones: one output, the sum 1 + 2 + 3 + 4.
 * const y = new Conv2d().call(
 *   array([[[[1, 2], [3, 4]]]]),
 *   array([[[[1, 1], [1, 1]]]]),
 * );
 * assert.deepEqual([...y.shape], [1, 1, 1, 1]);
 * assert.equal(y.data.get(0, 0, 0, 0), 10);
 * ```
 */
export class Conv2d extends Function {
  /** The step between windows, `[height, width]`. */
  readonly stride: [number, number];
  /** The zeros added on each side, `[height, width]`. */
  readonly pad: [number, number];

  /**
   * Make the function.
   *
   * @param stride The step between windows (default 1).
   * @param pad The zeros added on each side (default 0).
   */
  constructor(stride: Pair = 1, pad: Pair = 0) {
    super();
    this.stride = toPair("Conv2d", "stride", stride, 1);
    this.pad = toPair("Conv2d", "padding", pad, 0);
  }

  /** The bias is optional. */
  override get optionalInputs(): number {
    return 1;
  }

  /**
   * im2col, then one matrix product of the patches `[N*OH*OW, C*KH*KW]` with
   * the filters `[C*KH*KW, OC]`, then back to NCHW with the bias added.
   */
  forward(
    x: Float64NdArray,
    W: Float64NdArray,
    b?: Float64NdArray,
  ): Float64NdArray {
    const [OC, KH, KW] = checkFilters(this.name, x, W, 1);
    checkBias(this.name, b, OC, W.shape);
    const g = geometry(this.name, x.shape, {
      kernel: [KH, KW],
      stride: this.stride,
      pad: this.pad,
    });
    const col = im2colArray(x, g, true);
    const filters = transposeArray(
      this.name,
      reshapeArray(this.name, W, [OC, g.C * KH * KW]),
    );
    const rows = matmulArray(this.name, col, filters);
    return fromPixelRows(rows, [g.N, OC, g.OH, g.OW], b);
  }

  /**
   * gx is the transposed convolution of gy with the same filters, gW the
   * correlation of x with gy, gb the sum of gy over batch and pixels.
   */
  backward(gy: Variable): (Variable | null)[] {
    const [x, W, b] = this.inputs;
    const [, , H, Wd] = x.shape;
    const kernel: [number, number] = [W.shape[2], W.shape[3]];
    const gx = this.needsInputGrad(0)
      ? deconv2d(gy, W, undefined, this.stride, this.pad, [H, Wd])
      : null;
    const gW = this.needsInputGrad(1)
      ? new Conv2DGradW(kernel, this.stride, this.pad).call(x, gy)
      : null;
    if (b === undefined) return [gx, gW];
    const gb = this.needsInputGrad(2) ? sum(gy, { axis: [0, 2, 3] }) : null;
    return [gx, gW, gb];
  }
}

/**
 * 2-d convolution (cross-correlation, as in DeZero and PyTorch) of images
 * `x` of shape `[N, C, H, W]` with filters `W` of shape `[OC, C, KH, KW]`,
 * plus a bias `b` of shape `[OC]` per output channel. The result has shape
 * `[N, OC, OH, OW]` with `OH = getConvOutsize(H, KH, stride, pad)`.
 *
 * @param x The images, `[N, C, H, W]`.
 * @param W The filters, `[OC, C, KH, KW]`.
 * @param b The bias, `[OC]` (optional; `undefined` or `null` for none).
 * @param stride The step between windows: an int or `[height, width]`
 * (default 1).
 * @param pad The zeros added on each side: an int or `[height, width]`
 * (default 0).
 * @returns The feature maps, `[N, OC, OH, OW]`.
 *
 * @example
 * ```ts
 * import { array, conv2d, toNested, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([[[[1, 2, 3], [4, 5, 6], [7, 8, 9]]]]));
 * const W = new Variable(array([[[[1, 0], [0, -1]]]]));
 * const y = conv2d(x, W, array([10]));
 * assert.deepEqual(toNested(y.data), [[[[6, 6], [6, 6]]]]);
 * y.backward();
 * assert.deepEqual(toNested(W.grad!.data), [[[[12, 16], [24, 28]]]]);
 * ```
 */
export function conv2d(
  x: Operand,
  W: Operand,
  b?: Operand | null,
  stride: Pair = 1,
  pad: Pair = 0,
): Variable {
  const f = new Conv2d(stride, pad);
  return b === undefined || b === null ? f.call(x, W) : f.call(x, W, b);
}
