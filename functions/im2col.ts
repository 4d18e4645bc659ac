import type { Float64NdArray } from "../core/_ndarray.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import {
  checkToMatrix,
  geometry,
  im2colArray,
  type Pair,
  toWindow,
  type Window,
} from "./_conv.ts";
import { col2im } from "./col2im.ts";

/**
 * Extract the sliding-window patches of an NCHW image (DeZero's `Im2col`).
 *
 * @example
 * ```ts
 * import { array, Im2col } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * // One 2×2 window over a 2×2 image: one row of its 4 values.
 * const y = new Im2col(2).call(array([[[[1, 2], [3, 4]]]]));
 * assert.deepEqual([...y.shape], [1, 4]);
 * assert.equal(y.data.get(0, 3), 4);
 * ```
 */
export class Im2col extends Function {
  // Kernel, stride and padding as [height, width] pairs.
  readonly #window: Window;
  /** Whether the result is the `[N*OH*OW, C*KH*KW]` matrix. */
  readonly toMatrix: boolean;

  /**
   * Make the function.
   *
   * @param kernelSize The kernel's height and width (an int or a pair).
   * @param stride The step between windows (default 1).
   * @param pad The zeros added on each side (default 0).
   * @param toMatrix Whether to return the 2-d matrix (default `true`).
   */
  constructor(
    kernelSize: Pair,
    stride: Pair = 1,
    pad: Pair = 0,
    toMatrix = true,
  ) {
    super();
    this.#window = toWindow("Im2col", kernelSize, stride, pad);
    this.toMatrix = checkToMatrix("Im2col", toMatrix);
  }

  /** The patches, in a tight loop over the image. */
  forward(x: Float64NdArray): Float64NdArray {
    return im2colArray(
      x,
      geometry(this.name, x.shape, this.#window),
      this.toMatrix,
    );
  }

  /** Each patch entry came from one pixel: add the gradients back (col2im). */
  backward(gy: Variable): Variable {
    const { kernel, stride, pad } = this.#window;
    return col2im(gy, this.inputs[0].shape, kernel, stride, pad, this.toMatrix);
  }
}

/**
 * Extract the patches under each position of a sliding kernel from an
 * `[N, C, H, W]` image (DeZero's `im2col`). With `toMatrix` (default) the
 * result is `[N * OH * OW, C * KH * KW]`, one row per output position;
 * otherwise `[N, C, KH, KW, OH, OW]`. Positions in the padding are 0.
 *
 * @param x The image, shape `[N, C, H, W]`.
 * @param kernelSize The kernel's height and width (an int or a pair).
 * @param stride The step between windows (default 1).
 * @param pad The zeros added on each side (default 0).
 * @param toMatrix Whether to return the 2-d matrix (default `true`).
 * @returns The patches.
 *
 * @example The book's step 57
 * ```ts
 * import { im2col, Variable, zeros } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x1 = new Variable(zeros([1, 3, 7, 7]));
 * assert.deepEqual(im2col(x1, 5, 1, 0, true).shape, [9, 75]);
 * const x2 = new Variable(zeros([10, 3, 7, 7]));
 * assert.deepEqual(im2col(x2, [5, 5], [1, 1], [0, 0], true).shape, [90, 75]);
 * ```
 */
export function im2col(
  x: Operand,
  kernelSize: Pair,
  stride: Pair = 1,
  pad: Pair = 0,
  toMatrix = true,
): Variable {
  return new Im2col(kernelSize, stride, pad, toMatrix).call(x);
}
