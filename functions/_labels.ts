// Integer class labels, as DeZero's softmax_cross_entropy and accuracy take
// them: one label per row of the scores, each in 0..C-1.

import { describe } from "../core/_describe.ts";
import {
  type Float64NdArray,
  formatShape,
  isFloat64NdArray,
  toFlat,
} from "../core/_ndarray.ts";
import { Variable } from "../core/variable.ts";

/**
 * What a label argument may be: a Variable, a float64 ndarray or numbers.
 *
 * @example
 * ```ts
 * import { array, type Labels, softmaxCrossEntropy } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * // Equal scores for 2 classes: the loss is ln 2 for any labels.
 * const labels: Labels = [1, 0];
 * const loss = softmaxCrossEntropy(array([[0, 0], [0, 0]]), labels);
 * assert.ok(Math.abs(loss.data.get() - Math.LN2) < 1e-12);
 * ```
 */
export type Labels = Variable | Float64NdArray | readonly number[];

/**
 * The labels for scores of shape [N, C], checked: shape [N], integral
 * values in 0..C-1. Errors name `caller` and both shapes.
 */
export function readLabels(
  caller: string,
  t: unknown,
  xShape: readonly number[],
): Int32Array {
  if (xShape.length !== 2) {
    throw new TypeError(
      `Cannot use scores of shape ${
        formatShape(xShape)
      } in ${caller}: expected 2-d scores of shape [N, C]`,
    );
  }
  const [n, classes] = xShape;
  let values: Float64Array;
  let shape: readonly number[];
  if (t instanceof Variable) {
    values = toFlat(t.data);
    shape = t.shape;
  } else if (isFloat64NdArray(t)) {
    values = toFlat(t);
    shape = t.shape;
  } else if (Array.isArray(t) && t.every((v) => typeof v === "number")) {
    values = Float64Array.from(t);
    shape = [t.length];
  } else {
    throw new TypeError(
      `Cannot use ${
        describe(t)
      } as labels in ${caller}: expected a Variable, a float64 ndarray or an array of numbers of shape [${n}]`,
    );
  }
  if (shape.length !== 1 || shape[0] !== n) {
    throw new TypeError(
      `Cannot use labels of shape ${formatShape(shape)} with scores of shape ${
        formatShape(xShape)
      } in ${caller}: expected labels of shape [${n}], one per row`,
    );
  }
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = values[i];
    if (!Number.isInteger(label)) {
      throw new TypeError(
        `Cannot use label ${label} at index ${i} with scores of shape ${
          formatShape(xShape)
        } in ${caller}: expected integral class labels`,
      );
    }
    if (label < 0 || label >= classes) {
      throw new RangeError(
        `Cannot use label ${label} at index ${i} with scores of shape ${
          formatShape(xShape)
        } in ${caller}: expected a class in 0..${classes - 1}`,
      );
    }
    labels[i] = label;
  }
  return labels;
}
