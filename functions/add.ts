import { trustBackward } from "../core/_grad_memory.ts";
import { binary, sumRow, sumTo as sumToArray } from "../core/_kernels.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import { registerOperator } from "../core/_operators.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { sumTo } from "./sum_to.ts";

/**
 * y = a + b, elementwise.
 *
 * @example
 * ```ts
 * import { array, Add } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new Add().call(array([1, 2]), array([3, 4]));
 * assert.equal(y.data.get(1), 6);
 * ```
 */
export class Add extends Function {
  /** y = a + b. */
  forward(a: Float64NdArray, b: Float64NdArray): Float64NdArray {
    return binary(a, b, sumRow, this);
  }

  /** ∂y/∂a = ∂y/∂b = 1: each input gets gy, summed back to its shape. */
  backward(gy: Variable): (Variable | null)[] {
    const [a, b] = this.inputs;
    return [
      this.needsInputGrad(0) ? sumTo(gy, a.shape) : null,
      this.needsInputGrad(1) ? sumTo(gy, b.shape) : null,
    ];
  }

  /** The same on arrays (gy itself where no summing is needed). */
  override backwardData(gy: Float64NdArray): (Float64NdArray | null)[] {
    return [
      this.needsInputGrad(0) ? sumToArray(gy, this.inputs[0].data.shape) : null,
      this.needsInputGrad(1) ? sumToArray(gy, this.inputs[1].data.shape) : null,
    ];
  }
}

/**
 * Add elementwise: y = a + b, with NumPy broadcasting. Either operand may
 * be a number.
 *
 * @param a The first operand.
 * @param b The second operand.
 * @returns A new variable whose creator is an {@linkcode Add}.
 *
 * @example
 * ```ts
 * import { add, array, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array(3));
 * const y = add(x, x);
 * y.backward();
 * assert.equal(y.data.get(), 6);
 * assert.equal(x.grad?.data.get(), 2);
 * ```
 */
export function add(a: Operand, b: Operand): Variable {
  return new Add().call(a, b);
}

registerOperator("add", add);
trustBackward(Add);
