import { formatShape } from "../core/_ndarray.ts";
import { asVariable } from "../core/as_variable.ts";
import { registerOperator } from "../core/_operators.ts";
import type { Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { reshape } from "./reshape.ts";

/**
 * Flatten every axis but the first, as DeZero's `flatten`: shape [N, ...]
 * becomes [N, rest], so a batch of images becomes a batch of vectors and
 * the batch size is kept. For all axes into one, use `reshape(x, [-1])`.
 *
 * @param x The input, with at least one axis.
 * @returns A 2-d Variable of shape [N, size / N].
 *
 * @example
 * ```ts
 * import { flatten, Variable, zeros } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const images = new Variable(zeros([5, 1, 28, 28]));
 * assert.deepEqual(flatten(images).shape, [5, 784]);
 * ```
 */
export function flatten(x: Operand): Variable {
  const variable = asVariable(x);
  const shape = variable.shape;
  if (shape.length === 0) {
    throw new TypeError(
      `Cannot flatten shape ${
        formatShape(shape)
      }: flatten keeps the first (batch) axis, so it expects at least 1 axis, got 0`,
    );
  }
  const n = shape[0];
  const rest = shape.slice(1).reduce((p, d) => p * d, 1);
  return reshape(variable, [n, rest]);
}

registerOperator("flatten", flatten);
