import {
  type Float64NdArray,
  formatShape,
  sameShape,
} from "../core/_ndarray.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import {
  checkImageShape,
  checkToMatrix,
  col2imArray,
  colShape,
  type Geometry,
  geometry,
  type Pair,
  toWindow,
  type Window,
} from "./_conv.ts";
import { im2col } from "./im2col.ts";

/**
 * Add patches back into an NCHW image (DeZero's `Col2im`), im2col's adjoint.
 *
 * @example
 * ```ts
 * import { array, Col2im } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * // The row of one 2×2 window goes back into a 2×2 image.
 * const y = new Col2im([1, 1, 2, 2], 2).call(array([[1, 2, 3, 4]]));
 * assert.deepEqual([...y.shape], [1, 1, 2, 2]);
 * assert.equal(y.data.get(0, 0, 1, 0), 3);
 * ```
 */
export class Col2im extends Function {
  /** The image's shape `[N, C, H, W]`. */
  readonly inputShape: readonly number[];
  // Kernel, stride and padding as [height, width] pairs.
  readonly #window: Window;
  /** Whether the patches come as the `[N*OH*OW, C*KH*KW]` matrix. */
  readonly toMatrix: boolean;
  #geometry: Geometry;

  /**
   * Make the function.
   *
   * @param inputShape The shape `[N, C, H, W]` of the image to rebuild.
   * @param kernelSize The kernel's height and width (an int or a pair).
   * @param stride The step between windows (default 1).
   * @param pad The zeros added on each side (default 0).
   * @param toMatrix Whether the patches are the 2-d matrix (default `true`).
   */
  constructor(
    inputShape: readonly number[],
    kernelSize: Pair,
    stride: Pair = 1,
    pad: Pair = 0,
    toMatrix = true,
  ) {
    super();
    if (
      !Array.isArray(inputShape) ||
      !inputShape.every((n) => Number.isInteger(n) && n >= 0)
    ) {
      throw new TypeError(
        `Cannot use ${
          String(inputShape)
        } as the image shape: Col2im expects an array of non-negative integers`,
      );
    }
    checkImageShape("Col2im", "an image", inputShape);
    this.inputShape = [...inputShape];
    this.#window = toWindow("Col2im", kernelSize, stride, pad);
    this.toMatrix = checkToMatrix("Col2im", toMatrix);
    this.#geometry = geometry("Col2im", this.inputShape, this.#window);
  }

  /** The image, each patch entry added at the pixel it came from. */
  forward(col: Float64NdArray): Float64NdArray {
    const expected = colShape(this.#geometry, this.toMatrix);
    if (!sameShape(col.shape, expected)) {
      throw new TypeError(
        `Cannot apply Col2im to shape ${
          formatShape(col.shape)
        }: an image of shape ${
          formatShape(this.inputShape)
        } needs patches of shape ${formatShape(expected)}`,
      );
    }
    return col2imArray(col, this.#geometry, this.toMatrix);
  }

  /** Col2im is linear and im2col is its adjoint. */
  backward(gy: Variable): Variable {
    const { kernel, stride, pad } = this.#window;
    return im2col(gy, kernel, stride, pad, this.toMatrix);
  }
}

/**
 * Add the patches `col` back into an image of shape `inputShape` (DeZero's
 * `col2im`): the adjoint of {@linkcode im2col}, so overlapping patches add
 * up and entries in the padding are dropped.
 *
 * @param col The patches: `[N * OH * OW, C * KH * KW]` with `toMatrix`
 * (default), else `[N, C, KH, KW, OH, OW]`.
 * @param inputShape The image's shape `[N, C, H, W]`.
 * @param kernelSize The kernel's height and width (an int or a pair).
 * @param stride The step between windows (default 1).
 * @param pad The zeros added on each side (default 0).
 * @param toMatrix Whether `col` is the 2-d matrix (default `true`).
 * @returns The image.
 *
 * @example Each pixel counts the windows that cover it
 * ```ts
 * import { col2im, full, im2col, toNested, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const col = im2col(new Variable(full([1, 1, 3, 3], 1)), 2);
 * const counts = col2im(col, [1, 1, 3, 3], 2);
 * assert.deepEqual(toNested(counts.data), [[[[1, 2, 1], [2, 4, 2], [1, 2, 1]]]]);
 * ```
 */
export function col2im(
  col: Operand,
  inputShape: readonly number[],
  kernelSize: Pair,
  stride: Pair = 1,
  pad: Pair = 0,
  toMatrix = true,
): Variable {
  return new Col2im(inputShape, kernelSize, stride, pad, toMatrix).call(col);
}
