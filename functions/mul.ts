import { reusable, trustBackward } from "../core/_grad_memory.ts";
import { binary, productRow, sumTo as sumToArray } from "../core/_kernels.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import { registerOperator } from "../core/_operators.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { sumTo } from "./sum_to.ts";

/**
 * y = a · b, elementwise.
 *
 * @example
 * ```ts
 * import { array, Mul } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new Mul().call(array([2, 3]), array([4, 5]));
 * assert.equal(y.data.get(1), 15);
 * ```
 */
export class Mul extends Function {
  /** y = a · b. */
  forward(a: Float64NdArray, b: Float64NdArray): Float64NdArray {
    return binary(a, b, productRow, this);
  }

  /** ∂y/∂a = b, ∂y/∂b = a. */
  backward(gy: Variable): (Variable | null)[] {
    const [a, b] = this.inputs;
    return [
      this.needsInputGrad(0) ? sumTo(mul(gy, b), a.shape) : null,
      this.needsInputGrad(1) ? sumTo(mul(gy, a), b.shape) : null,
    ];
  }

  /**
   * The same on arrays; b's gradient first, so that a's product, the last
   * to read gy, may go into gy when the engine gives it away.
   */
  override backwardData(gy: Float64NdArray): (Float64NdArray | null)[] {
    const a = this.inputs[0].data;
    const b = this.inputs[1].data;
    const needsA = this.needsInputGrad(0);
    const gb = this.needsInputGrad(1)
      ? sumToArray(
        binary(gy, a, productRow, this, needsA ? undefined : reusable(gy)),
        b.shape,
      )
      : null;
    const ga = needsA
      ? sumToArray(binary(gy, b, productRow, this, reusable(gy)), a.shape)
      : null;
    return [ga, gb];
  }
}

/**
 * Multiply elementwise: y = a · b, with NumPy broadcasting. Either operand
 * may be a number.
 *
 * @param a The first operand.
 * @param b The second operand.
 * @returns A new variable whose creator is a {@linkcode Mul}.
 *
 * @example
 * ```ts
 * import { array, mul, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const a = new Variable(array(3));
 * const b = new Variable(array(2));
 * const y = mul(a, b);
 * y.backward();
 * assert.equal(y.data.get(), 6);
 * assert.equal(a.grad?.data.get(), 2);
 * assert.equal(b.grad?.data.get(), 3);
 * ```
 */
export function mul(a: Operand, b: Operand): Variable {
  return new Mul().call(a, b);
}

registerOperator("mul", mul);
trustBackward(Mul);
