import { formatShape } from "../core/_ndarray.ts";
import { asVariable } from "../core/as_variable.ts";
import { registerOperator } from "../core/_operators.ts";
import type { Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { reshape } from "./reshape.ts";

/**
 * Insert an axis of length 1 at position `axis`, as NumPy's and DeZero's
 * `expand_dims`. A reshape, so the gradient is reshaped back.
 *
 * @param x The input.
 * @param axis Where the new axis goes in the result: 0 to `x.ndim`, or
 * negative counting from the end (-1 appends).
 * @returns A Variable with one more axis.
 *
 * @example
 * ```ts
 * import { array, expandDims, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([1, 2, 3]));
 * assert.deepEqual(expandDims(x, 0).shape, [1, 3]);
 * assert.deepEqual(expandDims(x, -1).shape, [3, 1]);
 * ```
 */
export function expandDims(x: Operand, axis: number): Variable {
  const variable = asVariable(x);
  const shape = [...variable.shape];
  const ndim = shape.length + 1;
  if (!Number.isInteger(axis)) {
    throw new TypeError(
      `Cannot insert an axis at ${String(axis)} into shape ${
        formatShape(shape)
      }: expandDims expects an integer axis`,
    );
  }
  if (axis < -ndim || axis >= ndim) {
    throw new RangeError(
      `Cannot insert an axis at ${axis} into shape ${
        formatShape(shape)
      }: expandDims expects an axis in ${-ndim}..${ndim - 1}`,
    );
  }
  shape.splice(axis < 0 ? axis + ndim : axis, 0, 1);
  return reshape(variable, shape);
}

registerOperator("expandDims", expandDims);
