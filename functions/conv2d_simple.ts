import { asVariable } from "../core/as_variable.ts";
import type { Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { checkImageShape, geometry, type Pair, toWindow } from "./_conv.ts";
import { add } from "./add.ts";
import { im2col } from "./im2col.ts";
import { matmul } from "./matmul.ts";
import { reshape } from "./reshape.ts";
import { transpose } from "./transpose.ts";

/**
 * The book's `conv2d_simple` (step 57): conv2d composed of `im2col`,
 * `matmul`, `reshape` and `transpose`, so its backward is theirs. It
 * computes the same as {@linkcode conv2d}, which does the work in one
 * Function and is faster.
 *
 * @param x The images, `[N, C, H, W]`.
 * @param W The filters, `[OC, C, KH, KW]`.
 * @param b The bias, `[OC]` (optional; `undefined` or `null` for none).
 * @param stride The step between windows (default 1).
 * @param pad The zeros added on each side (default 0).
 * @returns The feature maps, `[N, OC, OH, OW]`.
 *
 * @example The book's step 57
 * ```ts
 * import { conv2d, conv2dSimple, Variable, zeros } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const [N, C, H, W] = [1, 5, 15, 15];
 * const [OC, KH, KW] = [8, 3, 3];
 * const x = new Variable(zeros([N, C, H, W]));
 * const weight = new Variable(zeros([OC, C, KH, KW]));
 * const y = conv2dSimple(x, weight, null, 1, 1);
 * y.backward();
 * assert.deepEqual(y.shape, [1, 8, 15, 15]);
 * assert.deepEqual(x.grad?.shape, [1, 5, 15, 15]);
 * assert.deepEqual(conv2d(x, weight, null, 1, 1).shape, y.shape);
 * ```
 */
export function conv2dSimple(
  x: Operand,
  W: Operand,
  b?: Operand | null,
  stride: Pair = 1,
  pad: Pair = 0,
): Variable {
  const input = asVariable(x);
  const weight = asVariable(W);
  checkImageShape("conv2dSimple", "x", input.shape);
  checkImageShape("conv2dSimple", "W", weight.shape);
  const [OC, , KH, KW] = weight.shape;
  const g = geometry(
    "conv2dSimple",
    input.shape,
    toWindow("conv2dSimple", [KH, KW], stride, pad),
  );
  const col = im2col(input, [KH, KW], stride, pad, true);
  const filters = transpose(reshape(weight, [OC, -1]));
  let t = matmul(col, filters);
  if (b !== undefined && b !== null) t = add(t, b);
  return transpose(reshape(t, [g.N, g.OH, g.OW, OC]), [0, 3, 1, 2]);
}
