import { type Float64NdArray, scalarOf } from "../core/_ndarray.ts";
import { array } from "../core/array.ts";
import { Function, type Operand } from "../core/function.ts";
import { Variable } from "../core/variable.ts";
import { type Labels, readLabels } from "./_labels.ts";
import { logSoftmaxArray } from "./_reduce.ts";
import { mul } from "./mul.ts";
import { softmax } from "./softmax.ts";
import { sub } from "./sub.ts";

export type { Labels } from "./_labels.ts";

/**
 * The mean over the batch of -log softmax(x)[i, tᵢ]. The labels are fixed
 * when the function is made: they are data, not an input with a gradient.
 *
 * @example
 * ```ts
 * import { array, SoftmaxCrossEntropy } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * // Equal scores for 2 classes: the loss is ln 2 whatever the label.
 * const y = new SoftmaxCrossEntropy([0]).call(array([[0, 0]]));
 * assert.ok(Math.abs(y.data.get() - Math.LN2) < 1e-12);
 * ```
 */
export class SoftmaxCrossEntropy extends Function {
  /** The raw labels, checked against the scores' shape in `forward`. */
  readonly #t: unknown;
  #labels: Int32Array | null = null;

  /**
   * Make a softmax cross entropy for the labels `t`.
   *
   * @param t One integral class label per row of the scores.
   */
  constructor(t: Labels) {
    super();
    this.#t = t;
  }

  /**
   * -sum(logSoftmax(x)[i, tᵢ]) / N: the log-softmax takes the maximum out
   * first, so scores of ±1000 give exact finite losses.
   */
  forward(x: Float64NdArray): Float64NdArray {
    const labels = readLabels(this.name, this.#t, x.shape);
    const logP = logSoftmaxArray(this.name, x, 1);
    const n = x.shape[0];
    let total = 0;
    for (let i = 0; i < n; i++) total -= logP.get(i, labels[i]);
    this.#labels = labels;
    return scalarOf(n === 0 ? NaN : total / n);
  }

  /** ∂y/∂x = (softmax(x) - onehot(t)) / N. */
  backward(gy: Variable): Variable {
    const x = this.inputs[0];
    const [n, classes] = x.shape;
    const labels = this.#labels as Int32Array;
    const oneHot = new Float64Array(n * classes);
    for (let i = 0; i < n; i++) oneHot[i * classes + labels[i]] = 1;
    const target = new Variable(array(oneHot, { shape: [n, classes] }));
    return mul(sub(softmax(x, 1), target), mul(gy, 1 / n));
  }
}

/**
 * Softmax cross entropy, as DeZero's `softmax_cross_entropy`: the mean over
 * the N rows of the scores `x` (shape [N, C]) of -log softmax(x)[i, tᵢ],
 * where `t` holds one integral class label per row. Computed from the
 * log-sum-exp, so it stays finite for scores of ±1000.
 *
 * @param x Scores (logits) of shape [N, C].
 * @param t Labels of shape [N] with integral values in 0..C-1: a Variable,
 * a float64 ndarray or an array of numbers. They get no gradient.
 * @returns A 0-d Variable whose creator is a {@linkcode SoftmaxCrossEntropy}.
 *
 * @example
 * ```ts
 * import { array, softmaxCrossEntropy, Variable } from "@dezero/core";
 * import { assertAllClose } from "@dezero/core/testing";
 *
 * const x = new Variable(array([[0, 0], [1000, -1000]]));
 * const loss = softmaxCrossEntropy(x, [1, 0]);
 * loss.backward();
 * assertAllClose(loss, Math.log(2) / 2);
 * assertAllClose(x.grad!, [[0.25, -0.25], [0, 0]]);
 * ```
 */
export function softmaxCrossEntropy(x: Operand, t: Labels): Variable {
  return new SoftmaxCrossEntropy(t).call(x);
}
