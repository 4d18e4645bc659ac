import type { Float64NdArray } from "../core/_ndarray.ts";
import { scalarOf } from "../core/_ndarray.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { combineArrays } from "./_reduce.ts";
import { mul } from "./mul.ts";
import { neg } from "./neg.ts";
import { sub } from "./sub.ts";
import { sumTo } from "./sum_to.ts";

/**
 * y = sum((x0 - x1)²) / N, N the length of the first axis.
 *
 * @example
 * ```ts
 * import { array, MeanSquaredError } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * // ((1 - 1)² + (2 - 4)²) / 2
 * const y = new MeanSquaredError().call(array([1, 2]), array([1, 4]));
 * assert.equal(y.data.get(), 2);
 * ```
 */
export class MeanSquaredError extends Function {
  /** sum((x0 - x1)²) / N over the broadcast difference. */
  forward(x0: Float64NdArray, x1: Float64NdArray): Float64NdArray {
    const diff = combineArrays(this.name, x0, x1, (a, b) => a - b);
    let total = 0;
    const end = diff.offset + diff.size;
    for (let i = diff.offset; i < end; i++) {
      total += diff.data[i] * diff.data[i];
    }
    return scalarOf(total / batchSize(diff.shape));
  }

  /** ∂y/∂x0 = 2(x0 - x1)/N and ∂y/∂x1 = -∂y/∂x0. */
  backward(gy: Variable): (Variable | null)[] {
    const [x0, x1] = this.inputs;
    const diff = sub(x0, x1);
    const gx = mul(mul(gy, diff), 2 / batchSize(diff.shape));
    return [
      this.needsInputGrad(0) ? sumTo(gx, x0.shape) : null,
      this.needsInputGrad(1) ? sumTo(neg(gx), x1.shape) : null,
    ];
  }
}

/**
 * The mean squared error as DeZero defines it: sum((x0 - x1)²) / N, where N
 * is the length of the first axis (`len(diff)`), so for predictions of shape
 * [N, 1] it is the mean over the batch. The operands broadcast as NumPy's.
 *
 * @param x0 The predictions.
 * @param x1 The targets.
 * @returns A 0-d Variable whose creator is a {@linkcode MeanSquaredError}.
 *
 * @example
 * ```ts
 * import { array, meanSquaredError, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new Variable(array([[1], [2], [4]]));
 * const loss = meanSquaredError(y, array([[1], [1], [1]]));
 * loss.backward();
 * assert.equal(loss.data.get(), (0 + 1 + 9) / 3);
 * assert.equal(y.grad!.data.get(2, 0), (2 * 3) / 3);
 * ```
 */
export function meanSquaredError(x0: Operand, x1: Operand): Variable {
  return new MeanSquaredError().call(x0, x1);
}

/** DeZero's `len(diff)`: the first axis, or 1 for a 0-d difference. */
function batchSize(shape: readonly number[]): number {
  return shape.length === 0 ? 1 : shape[0];
}
