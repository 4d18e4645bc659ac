import {
  type Float64NdArray,
  formatShape,
  sameShape,
  scalarOf,
  toFlat,
} from "../core/_ndarray.ts";
import { asVariable } from "../core/as_variable.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { clip } from "./clip.ts";
import { div } from "./div.ts";
import { log } from "./log.ts";
import { mul } from "./mul.ts";
import { sub } from "./sub.ts";

// PyTorch's bounds: each log is clamped at -100 so that p = 0 or 1 gives a
// finite loss, and p(1 - p) at 1e-12 in the gradient (a float32 constant in
// PyTorch's kernel, hence the fround).
const LOG_FLOOR = -100;
const SMALLEST_P = Math.exp(LOG_FLOOR);
const DENOMINATOR_FLOOR = Math.fround(1e-12);

/**
 * y = -sum(t·log p + (1 - t)·log(1 - p)) / N on probabilities p.
 *
 * @example
 * ```ts
 * import { array, BinaryCrossEntropy } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * // -log(1/2) = ln 2
 * const y = new BinaryCrossEntropy().call(array([[0.5]]), array([[1]]));
 * assert.ok(Math.abs(y.data.get() - Math.LN2) < 1e-12);
 * ```
 */
export class BinaryCrossEntropy extends Function {
  /** The loss, each log clamped at -100 as PyTorch's `binary_cross_entropy`. */
  forward(p: Float64NdArray, t: Float64NdArray): Float64NdArray {
    if (!sameShape(p.shape, t.shape)) {
      throw new TypeError(
        `Cannot use targets of shape ${
          formatShape(t.shape)
        } with probabilities of shape ${
          formatShape(p.shape)
        } in ${this.name}: expected equal shapes`,
      );
    }
    const ps = toFlat(p);
    const ts = toFlat(t);
    let total = 0;
    for (let i = 0; i < ps.length; i++) {
      const v = ps[i];
      if (!(v >= 0 && v <= 1)) {
        throw new RangeError(
          `Cannot use probability ${v} at flat index ${i} of shape ${
            formatShape(p.shape)
          } in ${this.name}: expected values in [0, 1]`,
        );
      }
      const logP = Math.max(Math.log(v), LOG_FLOOR);
      const log1mP = Math.max(Math.log1p(-v), LOG_FLOOR);
      total -= ts[i] * logP + (1 - ts[i]) * log1mP;
    }
    return scalarOf(total / batchSize(p.shape));
  }

  /**
   * ∂y/∂p = (p - t) / (p(1 - p)) / N, the denominator at least 1e-12, and
   * ∂y/∂t = (log(1 - p) - log p) / N with the clamped logs.
   */
  backward(gy: Variable): (Variable | null)[] {
    const [p, t] = this.inputs;
    const scale = mul(gy, 1 / batchSize(p.shape));
    const q = sub(1, p);
    const gp = this.needsInputGrad(0)
      ? mul(
        div(sub(p, t), clip(mul(p, q), DENOMINATOR_FLOOR, Infinity)),
        scale,
      )
      : null;
    const gt = this.needsInputGrad(1)
      ? mul(sub(clampedLog(q), clampedLog(p)), scale)
      : null;
    return [gp, gt];
  }
}

/**
 * Binary cross entropy on probabilities: -sum(t·log p + (1 - t)·log(1 - p))
 * / N, N the length of the first axis (the mean for one output per sample),
 * as DeZero scales its losses. Each log is clamped at -100 as in PyTorch's
 * `binary_cross_entropy`, so p = 0 or 1 gives a finite loss. Prefer
 * {@linkcode sigmoidCrossEntropy} on logits, which is exact for any logit.
 *
 * @param p Probabilities in [0, 1] (a RangeError otherwise).
 * @param t Targets in [0, 1], of p's shape.
 * @returns A 0-d Variable whose creator is a {@linkcode BinaryCrossEntropy}.
 *
 * @example
 * ```ts
 * import { array, binaryCrossEntropy, Variable } from "@dezero/core";
 * import { assertAllClose } from "@dezero/core/testing";
 *
 * const p = new Variable(array([0.5, 0.8, 0]));
 * const loss = binaryCrossEntropy(p, array([1, 1, 1]));
 * assertAllClose(loss, (Math.log(2) - Math.log(0.8) + 100) / 3);
 * ```
 */
export function binaryCrossEntropy(p: Operand, t: Operand): Variable {
  const probabilities = asVariable(p);
  const targets = asVariable(t);
  if (!sameShape(probabilities.shape, targets.shape)) {
    throw new TypeError(
      `Cannot use targets of shape ${
        formatShape(targets.shape)
      } with probabilities of shape ${
        formatShape(probabilities.shape)
      } in binaryCrossEntropy: expected equal shapes`,
    );
  }
  return new BinaryCrossEntropy().call(probabilities, targets);
}

/** max(log v, -100), as a Variable. */
function clampedLog(v: Variable): Variable {
  return log(clip(v, SMALLEST_P, Infinity));
}

/** DeZero's `len(x)`: the first axis, or 1 for a 0-d input. */
function batchSize(shape: readonly number[]): number {
  return shape.length === 0 ? 1 : shape[0];
}
