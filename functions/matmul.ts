import { matmulArray } from "../core/_tensor.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import { registerOperator } from "../core/_operators.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { transpose } from "./transpose.ts";

/**
 * The matrix product of two 2-d arrays.
 *
 * @example
 * ```ts
 * import { array, MatMul } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new MatMul().call(array([[1, 2]]), array([[3], [4]]));
 * assert.equal(y.data.get(0, 0), 11);
 * ```
 */
export class MatMul extends Function {
  /** y = a · b. */
  forward(a: Float64NdArray, b: Float64NdArray): Float64NdArray {
    return matmulArray(this.name, a, b);
  }

  /** ∂L/∂a = gy · bᵀ, ∂L/∂b = aᵀ · gy. */
  backward(gy: Variable): (Variable | null)[] {
    const [a, b] = this.inputs;
    return [
      this.needsInputGrad(0) ? matmul(gy, transpose(b)) : null,
      this.needsInputGrad(1) ? matmul(transpose(a), gy) : null,
    ];
  }
}

/**
 * The matrix product `a · b` of an `[m, k]` and a `[k, n]` array.
 *
 * @param a The left matrix.
 * @param b The right matrix.
 * @returns An `[m, n]` Variable.
 *
 * @example
 * ```ts
 * import { array, matmul, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const a = new Variable(array([[1, 2], [3, 4]]));
 * const b = new Variable(array([[5], [6]]));
 * const y = matmul(a, b);
 * assert.equal(String(y.data), "[[17.]\n [39.]]");
 * y.backward();
 * assert.equal(String(b.grad?.data), "[[4.]\n [6.]]");
 * ```
 */
export function matmul(a: Operand, b: Operand): Variable {
  return new MatMul().call(a, b);
}

registerOperator("matmul", matmul);
