import { formatShape } from "../core/_ndarray.ts";
import { normalizeAxes } from "../core/_tensor.ts";
import { asVariable } from "../core/as_variable.ts";
import { registerOperator } from "../core/_operators.ts";
import type { Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { reshape } from "./reshape.ts";

/**
 * Remove axes of length 1, as NumPy's `squeeze`: the given ones, or all of
 * them. A reshape, so the gradient is reshaped back.
 *
 * @param x The input.
 * @param axis The axis or axes to remove (each must have length 1); by
 * default every axis of length 1.
 * @returns A Variable without those axes.
 *
 * @example
 * ```ts
 * import { squeeze, Variable, zeros } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(zeros([1, 3, 1]));
 * assert.deepEqual(squeeze(x).shape, [3]);
 * assert.deepEqual(squeeze(x, 0).shape, [3, 1]);
 * ```
 */
export function squeeze(x: Operand, axis?: number | number[]): Variable {
  const variable = asVariable(x);
  const shape = variable.shape;
  const axes = axis === undefined
    ? shape.flatMap((n, i) => n === 1 ? [i] : [])
    : normalizeAxes("squeeze", axis, shape.length);
  for (const a of axes) {
    if (shape[a] !== 1) {
      throw new TypeError(
        `Cannot squeeze axis ${a} of shape ${
          formatShape(shape)
        }: squeeze expects axes of length 1, axis ${a} has length ${shape[a]}`,
      );
    }
  }
  return reshape(variable, shape.filter((_, i) => !axes.includes(i)));
}

registerOperator("squeeze", squeeze);
