import { describe } from "../core/_describe.ts";
import { isFloat64NdArray, scalarOf } from "../core/_ndarray.ts";
import { Variable } from "../core/variable.ts";
import { type Labels, readLabels } from "./_labels.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";

/**
 * The fraction of rows of `y` whose largest score is at the label in `t`, as
 * DeZero's `accuracy`: a 0-d Variable with no creator, so no gradient flows
 * through it. Of tied largest scores the first counts, as NumPy's `argmax`.
 *
 * @param y Scores of shape [N, C]: a Variable or a float64 ndarray.
 * @param t Labels of shape [N] with integral values in 0..C-1.
 * @returns A 0-d Variable holding the accuracy in [0, 1].
 *
 * @example
 * ```ts
 * import { accuracy, array } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = array([[0.2, 0.8, 0], [0.1, 0.3, 0.6], [0.9, 0.1, 0]]);
 * assert.equal(accuracy(y, [1, 2, 1]).data.get(), 2 / 3);
 * ```
 */
export function accuracy(
  y: Variable | Float64NdArray,
  t: Labels,
): Variable {
  let scores: Float64NdArray;
  if (y instanceof Variable) scores = y.data;
  else if (isFloat64NdArray(y)) scores = y;
  else {
    throw new TypeError(
      `Cannot use ${
        describe(y)
      } as scores in accuracy: expected a Variable or a float64 ndarray of shape [N, C]`,
    );
  }
  const labels = readLabels("accuracy", t, scores.shape);
  const [n, classes] = scores.shape;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < classes; j++) {
      // `>` keeps the first of tied maxima; a NaN wins, as in NumPy.
      const v = scores.get(i, j);
      const b = scores.get(i, best);
      if (v > b || (Number.isNaN(v) && !Number.isNaN(b))) best = j;
    }
    if (best === labels[i]) correct++;
  }
  return new Variable(scalarOf(n === 0 ? NaN : correct / n));
}
