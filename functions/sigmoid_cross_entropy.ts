import {
  type Float64NdArray,
  formatShape,
  sameShape,
  scalarOf,
  sizeOf,
  toFlat,
} from "../core/_ndarray.ts";
import { asVariable } from "../core/as_variable.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { add } from "./add.ts";
import { mul } from "./mul.ts";
import { neg } from "./neg.ts";
import { reshape } from "./reshape.ts";
import { sub } from "./sub.ts";
import { tanh } from "./tanh.ts";

/**
 * y = -sum(t·log σ(x) + (1 - t)·log(1 - σ(x))) / N, computed from the logits
 * as sum(softplus(x) - t·x) / N.
 *
 * @example
 * ```ts
 * import { array, SigmoidCrossEntropy } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * // σ(0) = 1/2, so the loss is ln 2 whatever the target.
 * const y = new SigmoidCrossEntropy().call(array([[0]]), array([[1]]));
 * assert.ok(Math.abs(y.data.get() - Math.LN2) < 1e-12);
 * ```
 */
export class SigmoidCrossEntropy extends Function {
  /**
   * softplus(x) = max(x, 0) + log1p(exp(-|x|)) never overflows and never
   * takes the log of 0, so logits of ±1000 give exact losses.
   */
  forward(x: Float64NdArray, t: Float64NdArray): Float64NdArray {
    if (!sameShape(x.shape, t.shape)) {
      throw new TypeError(
        `Cannot use targets of shape ${
          formatShape(t.shape)
        } with logits of shape ${
          formatShape(x.shape)
        } in ${this.name}: expected equal shapes`,
      );
    }
    const xs = toFlat(x);
    const ts = toFlat(t);
    let total = 0;
    for (let i = 0; i < xs.length; i++) {
      const v = xs[i];
      total += Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v))) - ts[i] * v;
    }
    return scalarOf(total / batchSize(x.shape));
  }

  /** ∂y/∂x = (σ(x) - t) / N and ∂y/∂t = -x / N, with σ(x) = (1 + tanh(x/2)) / 2. */
  backward(gy: Variable): (Variable | null)[] {
    const [x, t] = this.inputs;
    const scale = mul(gy, 1 / batchSize(x.shape));
    const sigmoid = add(mul(tanh(mul(x, 0.5)), 0.5), 0.5);
    return [
      this.needsInputGrad(0) ? mul(sub(sigmoid, t), scale) : null,
      this.needsInputGrad(1) ? mul(neg(x), scale) : null,
    ];
  }
}

/**
 * Sigmoid cross entropy from logits, as DeZero's `sigmoid_cross_entropy`:
 * -sum(t·log σ(x) + (1 - t)·log(1 - σ(x))) / N with N the length of the
 * first axis (the mean for one logit per sample). Computed without forming
 * σ(x), so logits of ±1000 give exact finite losses (DeZero's version
 * returns infinity there).
 *
 * @param x The logits, shape [N] or [N, ...].
 * @param t The targets in [0, 1], of x's shape or with as many elements
 * (reshaped to x's shape, as DeZero does).
 * @returns A 0-d Variable whose creator is a {@linkcode SigmoidCrossEntropy}.
 *
 * @example
 * ```ts
 * import { array, sigmoidCrossEntropy, Variable } from "@dezero/core";
 * import { assertAllClose } from "@dezero/core/testing";
 *
 * const x = new Variable(array([[0], [1000], [-1000]]));
 * const loss = sigmoidCrossEntropy(x, array([1, 0, 0]));
 * loss.backward();
 * assertAllClose(loss, (Math.log(2) + 1000 + 0) / 3);
 * assertAllClose(x.grad!, [[-0.5 / 3], [1 / 3], [0]]);
 * ```
 */
export function sigmoidCrossEntropy(x: Operand, t: Operand): Variable {
  const logits = asVariable(x);
  let targets = asVariable(t);
  const xShape = logits.shape;
  const tShape = targets.shape;
  if (!sameShape(xShape, tShape)) {
    if (sizeOf(xShape) !== sizeOf(tShape)) {
      throw new TypeError(
        `Cannot use targets of shape ${
          formatShape(tShape)
        } with logits of shape ${
          formatShape(xShape)
        } in sigmoidCrossEntropy: expected ${sizeOf(xShape)} targets, got ${
          sizeOf(tShape)
        }`,
      );
    }
    targets = reshape(targets, xShape);
  }
  return new SigmoidCrossEntropy().call(logits, targets);
}

/** DeZero's `len(x)`: the first axis, or 1 for a 0-d input. */
function batchSize(shape: readonly number[]): number {
  return shape.length === 0 ? 1 : shape[0];
}
