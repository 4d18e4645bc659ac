import { asVariable } from "../core/as_variable.ts";
import type { Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { geometry, type Pair, toWindow } from "./_conv.ts";
import { im2col } from "./im2col.ts";
import { max } from "./max.ts";
import { reshape } from "./reshape.ts";
import { transpose } from "./transpose.ts";

/**
 * The book's `pooling_simple` (step 58): max pooling composed of `im2col`,
 * `reshape`, `max` and `transpose`. It pads with zeros, as the book does,
 * and ties send the gradient to every maximum (`max`'s rule); otherwise it
 * computes the same as {@linkcode pooling}, which is one Function and faster.
 *
 * @param x The images, `[N, C, H, W]`.
 * @param kernelSize The window's height and width (an int or a pair).
 * @param stride The step between windows (default 1).
 * @param pad The zeros added on each side (default 0).
 * @returns The pooled maps, `[N, C, OH, OW]`.
 *
 * @example
 * ```ts
 * import { array, poolingSimple, toNested, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([[[[1, 2, 5, 0], [3, 4, 1, 1], [0, 0, 2, 2], [9, 0, 2, 3]]]]));
 * assert.deepEqual(toNested(poolingSimple(x, 2, 2).data), [[[[4, 5], [9, 3]]]]);
 * ```
 */
export function poolingSimple(
  x: Operand,
  kernelSize: Pair,
  stride: Pair = 1,
  pad: Pair = 0,
): Variable {
  const input = asVariable(x);
  const window = toWindow("poolingSimple", kernelSize, stride, pad);
  const g = geometry("poolingSimple", input.shape, window);
  const col = reshape(
    im2col(input, kernelSize, stride, pad, true),
    [-1, g.KH * g.KW],
  );
  const y = max(col, { axis: 1 });
  return transpose(reshape(y, [g.N, g.OH, g.OW, g.C]), [0, 3, 1, 2]);
}
