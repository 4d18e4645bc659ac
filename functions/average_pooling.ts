import {
  copyOf,
  type Float64NdArray,
  isContiguous,
  zerosOf,
} from "../core/_ndarray.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { geometry, type Pair, toWindow, type Window } from "./_conv.ts";
import { broadcastTo } from "./broadcast_to.ts";
import { col2im } from "./col2im.ts";
import { div } from "./div.ts";
import { reshape } from "./reshape.ts";

/**
 * Average pooling of NCHW images (DeZero's `AveragePooling`).
 *
 * @example
 * ```ts
 * import { array, AveragePooling } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * // One 2×2 image, one 2×2 window: the mean value.
 * const y = new AveragePooling(2).call(array([[[[1, 4], [3, 2]]]]));
 * assert.deepEqual([...y.shape], [1, 1, 1, 1]);
 * assert.equal(y.data.get(0, 0, 0, 0), 2.5);
 * ```
 */
export class AveragePooling extends Function {
  // Kernel, stride and padding as [height, width] pairs.
  readonly #window: Window;

  /**
   * Make the function.
   *
   * @param kernelSize The window's height and width (an int or a pair).
   * @param stride The step between windows (default 1, as DeZero).
   * @param pad The zeros added on each side (default 0).
   */
  constructor(kernelSize: Pair, stride: Pair = 1, pad: Pair = 0) {
    super();
    this.#window = toWindow("AveragePooling", kernelSize, stride, pad);
  }

  /** The mean of each window, padding counted as zeros. */
  forward(x: Float64NdArray): Float64NdArray {
    const g = geometry(this.name, x.shape, this.#window);
    const { N, C, H, W, KH, KW, SH, SW, PH, PW, OH, OW } = g;
    const source = isContiguous(x) ? x : copyOf(x);
    const data = source.data;
    const out = zerosOf([N, C, OH, OW]);
    const y = out.data;
    const area = KH * KW;
    let o = 0;
    for (let plane = 0; plane < N * C; plane++) {
      const base = source.offset + plane * H * W;
      for (let oh = 0; oh < OH; oh++) {
        const top = oh * SH - PH;
        const hStart = Math.max(top, 0);
        const hEnd = Math.min(top + KH, H);
        for (let ow = 0; ow < OW; ow++) {
          const left = ow * SW - PW;
          const wStart = Math.max(left, 0);
          const wEnd = Math.min(left + KW, W);
          let total = 0;
          for (let h = hStart; h < hEnd; h++) {
            const row = base + h * W;
            for (let w = wStart; w < wEnd; w++) total += data[row + w];
          }
          y[o++] = total / area;
        }
      }
    }
    return out;
  }

  /**
   * Every element of a window gets gy / (KH·KW): broadcast it over the
   * patches and add them back with col2im, as DeZero.
   */
  backward(gy: Variable): Variable {
    const { kernel, stride, pad } = this.#window;
    const [N, C, OH, OW] = gy.shape;
    const [KH, KW] = kernel;
    const gcol = broadcastTo(
      reshape(div(gy, KH * KW), [N, C, 1, 1, OH, OW]),
      [N, C, KH, KW, OH, OW],
    );
    return col2im(gcol, this.inputs[0].shape, kernel, stride, pad, false);
  }
}

/**
 * Average pooling (DeZero's `average_pooling`): the mean of each
 * `kernelSize` window of `x`, windows `stride` apart, with padding counted
 * as zeros (PyTorch's `avg_pool2d` default).
 *
 * @param x The images, `[N, C, H, W]`.
 * @param kernelSize The window's height and width (an int or a pair).
 * @param stride The step between windows (default 1, as DeZero; PyTorch's
 * default is the kernel size).
 * @param pad The zeros added on each side (default 0).
 * @returns The pooled maps, `[N, C, OH, OW]`.
 *
 * @example
 * ```ts
 * import { array, averagePooling, toNested, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([[[[1, 2, 5, 1], [3, 6, 1, 1]]]]));
 * const y = averagePooling(x, 2, 2);
 * assert.deepEqual(toNested(y.data), [[[[3, 2]]]]);
 * y.backward();
 * assert.deepEqual(toNested(x.grad!.data), [[[[0.25, 0.25, 0.25, 0.25], [0.25, 0.25, 0.25, 0.25]]]]);
 * ```
 */
export function averagePooling(
  x: Operand,
  kernelSize: Pair,
  stride: Pair = 1,
  pad: Pair = 0,
): Variable {
  return new AveragePooling(kernelSize, stride, pad).call(x);
}
