import { type Float64NdArray, formatShape } from "../core/_ndarray.ts";
import { matmulArray, reshapeArray } from "../core/_tensor.ts";
import { Function } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import {
  channelRows,
  checkImageShape,
  geometry,
  im2colArray,
  type Pair,
  toWindow,
  type Window,
} from "./_conv.ts";
import { conv2d } from "./conv2d.ts";
import { deconv2d } from "./deconv2d.ts";

/**
 * The gradient of conv2d with respect to its filters, as a function of the
 * input `x` and the upstream gradient `gy` (DeZero's `Conv2DGradW`), so
 * that the gradient can be differentiated again.
 *
 * @example
 * ```ts
 * import { array, Conv2DGradW, toNested, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([[[[1, 2, 3], [4, 5, 6], [7, 8, 9]]]]));
 * const gy = new Variable(array([[[[1, 1], [1, 1]]]]));
 * const gW = new Conv2DGradW(2).call(x, gy);
 * assert.deepEqual(toNested(gW.data), [[[[12, 16], [24, 28]]]]);
 * ```
 */
export class Conv2DGradW extends Function {
  // Kernel, stride and padding of the convolution, as pairs.
  readonly #window: Window;

  /**
   * Make the function for a convolution of the given kernel size, stride
   * and padding (DeZero builds it from the Conv2d function itself).
   *
   * @param kernelSize The filters' height and width.
   * @param stride The convolution's stride (default 1).
   * @param pad The convolution's padding (default 0).
   */
  constructor(kernelSize: Pair, stride: Pair = 1, pad: Pair = 0) {
    super();
    this.#window = toWindow("Conv2DGradW", kernelSize, stride, pad);
  }

  /**
   * gW[oc, c, kh, kw] = Σ gy[n, oc, oh, ow] · x[n, c, oh·s + kh - p, ...]:
   * one matrix product of gy's rows per channel `[OC, N*OH*OW]` with the
   * patches `[N*OH*OW, C*KH*KW]`.
   */
  forward(x: Float64NdArray, gy: Float64NdArray): Float64NdArray {
    const g = geometry(this.name, x.shape, this.#window);
    checkImageShape(this.name, "gy", gy.shape);
    const [N, OC, OH, OW] = gy.shape;
    if (N !== g.N || OH !== g.OH || OW !== g.OW) {
      throw new TypeError(
        `Cannot apply Conv2DGradW to x of shape ${
          formatShape(x.shape)
        } and gy of shape ${
          formatShape(gy.shape)
        }: expected gy of shape [${g.N},OC,${g.OH},${g.OW}]`,
      );
    }
    const col = im2colArray(x, g, true);
    const gW = matmulArray(this.name, channelRows(gy), col);
    return reshapeArray(this.name, gW, [OC, g.C, g.KH, g.KW]);
  }

  /**
   * gW is bilinear in x and gy, so each gradient is the other factor
   * contracted with the incoming ggW: deconv2d(gy, ggW) for x and
   * conv2d(x, ggW) for gy. (The book's version uses its output gW here in
   * place of ggW, which is wrong at second order.)
   */
  backward(ggW: Variable): (Variable | null)[] {
    const [x, gy] = this.inputs;
    const { stride, pad } = this.#window;
    const gx = this.needsInputGrad(0)
      ? deconv2d(gy, ggW, undefined, stride, pad, [x.shape[2], x.shape[3]])
      : null;
    const ggy = this.needsInputGrad(1)
      ? conv2d(x, ggW, undefined, stride, pad)
      : null;
    return [gx, ggy];
  }
}
