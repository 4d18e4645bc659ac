import { type Float64NdArray, formatShape } from "../core/_ndarray.ts";
import { matmulArray, reshapeArray } from "../core/_tensor.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import {
  addChannelBias,
  checkBias,
  checkFilters,
  col2imArray,
  geometry,
  type Pair,
  pixelRows,
  toPair,
} from "./_conv.ts";
import { conv2d } from "./conv2d.ts";
import { Conv2DGradW } from "./conv2d_grad_w.ts";
import { sum } from "./sum.ts";

/**
 * Transposed 2-d convolution (DeZero's `Deconv2d` function): the adjoint of
 * conv2d with respect to its input.
 *
 * @example
 * ```ts
 * import { array, Deconv2d } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * // One pixel of value 2 spreads the 2×2 kernel, scaled by 2.
 * const y = new Deconv2d().call(
 *   array([[[[2]]]]),
 *   array([[[[1, 2], [3, 4]]]]),
 * );
 * assert.deepEqual([...y.shape], [1, 1, 2, 2]);
 * assert.equal(y.data.get(0, 0, 1, 1), 8);
 * ```
 */
export class Deconv2d extends Function {
  /** The step between windows, `[height, width]`. */
  readonly stride: [number, number];
  /** The zeros cropped from each side, `[height, width]`. */
  readonly pad: [number, number];
  /** The output's height and width, or `undefined` for the smallest. */
  readonly outsize: [number, number] | undefined;

  /**
   * Make the function.
   *
   * @param stride The step between windows (default 1).
   * @param pad The padding of the convolution it transposes (default 0).
   * @param outsize The output's height and width (default:
   * `stride * (H - 1) + KH - 2 * pad`).
   */
  constructor(stride: Pair = 1, pad: Pair = 0, outsize?: Pair) {
    super();
    this.stride = toPair("Deconv2d", "stride", stride, 1);
    this.pad = toPair("Deconv2d", "padding", pad, 0);
    this.outsize = outsize === undefined
      ? undefined
      : toPair("Deconv2d", "output size", outsize, 1);
  }

  /** The bias is optional. */
  override get optionalInputs(): number {
    return 1;
  }

  /**
   * One matrix product of the pixels `[N*H*W, C]` with the filters
   * `[C, OC*KH*KW]` gives the patches of the output; col2im adds them up.
   */
  forward(
    x: Float64NdArray,
    W: Float64NdArray,
    b?: Float64NdArray,
  ): Float64NdArray {
    const [OC, KH, KW] = checkFilters(this.name, x, W, 0);
    checkBias(this.name, b, OC, W.shape);
    const [N, C, H, Wd] = x.shape;
    const [SH, SW] = this.stride;
    const [PH, PW] = this.pad;
    const [outH, outW] = this.outsize ??
      [SH * (H - 1) + KH - 2 * PH, SW * (Wd - 1) + KW - 2 * PW];
    const outShape = [N, OC, outH, outW];
    if (outH < 1 || outW < 1) {
      throw new RangeError(
        `Cannot apply Deconv2d to x of shape ${
          formatShape(x.shape)
        } and W of shape ${
          formatShape(W.shape)
        } with padding [${PH},${PW}]: the output would be ${outH}x${outW}`,
      );
    }
    const g = geometry(this.name, outShape, {
      kernel: [KH, KW],
      stride: this.stride,
      pad: this.pad,
    });
    if (g.OH !== H || g.OW !== Wd) {
      throw new RangeError(
        `Cannot apply Deconv2d to x of shape ${
          formatShape(x.shape)
        } with output size ${outH}x${outW}: a convolution of that size gives ${g.OH}x${g.OW}, expected ${H}x${Wd}`,
      );
    }
    const col = matmulArray(
      this.name,
      pixelRows(x),
      reshapeArray(this.name, W, [C, OC * KH * KW]),
    );
    const y = col2imArray(col, g, true);
    if (b !== undefined) addChannelBias(y, b);
    return y;
  }

  /**
   * gx is the convolution of gy with the same filters, gW the correlation
   * of gy with x, gb the sum of gy over batch and pixels.
   */
  backward(gy: Variable): (Variable | null)[] {
    const [x, W, b] = this.inputs;
    const kernel: [number, number] = [W.shape[2], W.shape[3]];
    const gx = this.needsInputGrad(0)
      ? conv2d(gy, W, undefined, this.stride, this.pad)
      : null;
    const gW = this.needsInputGrad(1)
      ? new Conv2DGradW(kernel, this.stride, this.pad).call(gy, x)
      : null;
    if (b === undefined) return [gx, gW];
    const gb = this.needsInputGrad(2) ? sum(gy, { axis: [0, 2, 3] }) : null;
    return [gx, gW, gb];
  }
}

/**
 * Transposed convolution of `x` of shape `[N, C, H, W]` with filters `W` of
 * shape `[C, OC, KH, KW]` (DeZero's `deconv2d`, PyTorch's
 * `conv_transpose2d`): each input pixel adds its value times the filter into
 * the output, `stride` apart, and `pad` is cropped from each side. The
 * output is `[N, OC, outH, outW]` with `outH = stride * (H - 1) + KH -
 * 2 * pad` unless `outsize` says otherwise.
 *
 * @param x The input, `[N, C, H, W]`.
 * @param W The filters, `[C, OC, KH, KW]`.
 * @param b The bias, `[OC]` (optional; `undefined` or `null` for none).
 * @param stride The step between windows (default 1).
 * @param pad The padding cropped from each side (default 0).
 * @param outsize The output's height and width (default: the smallest).
 * @returns The output, `[N, OC, outH, outW]`.
 *
 * @example Stride 2 places copies of the filter side by side
 * ```ts
 * import { array, deconv2d, toNested, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([[[[1, 2]]]]));
 * const W = new Variable(array([[[[1, 1]]]]));
 * const y = deconv2d(x, W, null, 2);
 * assert.deepEqual(toNested(y.data), [[[[1, 1, 2, 2]]]]);
 * ```
 */
export function deconv2d(
  x: Operand,
  W: Operand,
  b?: Operand | null,
  stride: Pair = 1,
  pad: Pair = 0,
  outsize?: Pair,
): Variable {
  const f = new Deconv2d(stride, pad, outsize);
  return b === undefined || b === null ? f.call(x, W) : f.call(x, W, b);
}
