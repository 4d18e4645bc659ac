import {
  copyOf,
  type Float64NdArray,
  isContiguous,
  zerosOf,
} from "../core/_ndarray.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { geometry, type Pair, toWindow, type Window } from "./_conv.ts";
import { Pooling2DGrad } from "./pooling_2d_grad.ts";

/**
 * Max pooling of NCHW images (DeZero's `Pooling`).
 *
 * @example
 * ```ts
 * import { array, Pooling } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * // One 2×2 image, one 2×2 window: the largest value.
 * const y = new Pooling(2).call(array([[[[1, 4], [3, 2]]]]));
 * assert.deepEqual([...y.shape], [1, 1, 1, 1]);
 * assert.equal(y.data.get(0, 0, 0, 0), 4);
 * ```
 */
export class Pooling extends Function {
  // Kernel, stride and padding as [height, width] pairs.
  readonly #window: Window;
  /**
   * For each output element, the flat row-major index in the input of the
   * element that won (the first of equal maxima); set by `forward`.
   */
  indexes: Int32Array = new Int32Array(0);
  /** The input's shape, set by `forward`. */
  inputShape: readonly number[] = [];
  /** The output's shape, set by `forward`. */
  outputShape: readonly number[] = [];

  /**
   * Make the function.
   *
   * @param kernelSize The window's height and width (an int or a pair).
   * @param stride The step between windows (default 1, as DeZero).
   * @param pad The padding on each side, at most half the kernel (default 0).
   */
  constructor(kernelSize: Pair, stride: Pair = 1, pad: Pair = 0) {
    super();
    this.#window = toWindow("Pooling", kernelSize, stride, pad);
    const { kernel, pad: [PH, PW] } = this.#window;
    if (2 * PH > kernel[0] || 2 * PW > kernel[1]) {
      throw new RangeError(
        `Cannot pool with kernel [${kernel}] and padding [${PH},${PW}]: Pooling expects a padding of at most half the kernel, so that every window holds an input element`,
      );
    }
  }

  /**
   * The maximum of each window, padding left out (PyTorch's `max_pool2d`;
   * DeZero pads with zeros, which differs only where a window at the border
   * holds negative values only). Remembers where each maximum came from.
   */
  forward(x: Float64NdArray): Float64NdArray {
    const g = geometry(this.name, x.shape, this.#window);
    const { N, C, H, W, KH, KW, SH, SW, PH, PW, OH, OW } = g;
    const source = isContiguous(x) ? x : copyOf(x);
    const data = source.data;
    const offset = source.offset;
    const out = zerosOf([N, C, OH, OW]);
    const y = out.data;
    const indexes = new Int32Array(N * C * OH * OW);
    let o = 0;
    for (let plane = 0; plane < N * C; plane++) {
      const base = plane * H * W;
      for (let oh = 0; oh < OH; oh++) {
        const top = oh * SH - PH;
        const hStart = Math.max(top, 0);
        const hEnd = Math.min(top + KH, H);
        for (let ow = 0; ow < OW; ow++, o++) {
          const left = ow * SW - PW;
          const wStart = Math.max(left, 0);
          const wEnd = Math.min(left + KW, W);
          let best = -Infinity;
          let at = base + hStart * W + wStart;
          for (let h = hStart; h < hEnd; h++) {
            for (let w = wStart; w < wEnd; w++) {
              const i = base + h * W + w;
              const value = data[offset + i];
              // NaN wins, as in NumPy's max and PyTorch's max_pool2d.
              if (value > best || (value !== value && best === best)) {
                best = value;
                at = i;
              }
            }
          }
          y[o] = best;
          indexes[o] = at;
        }
      }
    }
    this.indexes = indexes;
    this.inputShape = [...x.shape];
    this.outputShape = [...out.shape];
    return out;
  }

  /** The gradient goes to the element that won each window. */
  backward(gy: Variable): Variable {
    return new Pooling2DGrad(this).call(gy);
  }
}

/**
 * Max pooling (DeZero's `pooling`): the largest element of each
 * `kernelSize` window of `x`, windows `stride` apart. Padding never wins, as
 * in PyTorch's `max_pool2d`. The gradient goes to the element that won (the
 * first of equal maxima).
 *
 * @param x The images, `[N, C, H, W]`.
 * @param kernelSize The window's height and width (an int or a pair).
 * @param stride The step between windows (default 1, as DeZero; PyTorch's
 * default is the kernel size).
 * @param pad The padding on each side, at most half the kernel (default 0).
 * @returns The pooled maps, `[N, C, OH, OW]`.
 *
 * @example
 * ```ts
 * import { array, pooling, toNested, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([[[[1, 2, 5, 0], [3, 4, 1, 1], [0, 0, 2, 2], [9, 0, 2, 3]]]]));
 * const y = pooling(x, 2, 2);
 * assert.deepEqual(toNested(y.data), [[[[4, 5], [9, 3]]]]);
 * y.backward();
 * assert.deepEqual(toNested(x.grad!.data), [[[[0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 0], [1, 0, 0, 1]]]]);
 * ```
 */
export function pooling(
  x: Operand,
  kernelSize: Pair,
  stride: Pair = 1,
  pad: Pair = 0,
): Variable {
  return new Pooling(kernelSize, stride, pad).call(x);
}
