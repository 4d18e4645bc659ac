import { binary, elementwiseShape, sumRow, sumTo } from "../core/_kernels.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import { registerOperator } from "../core/_operators.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";

/** y = a + b, elementwise. */
export class Add extends Function {
  /** y = a + b. */
  forward(a: Float64NdArray, b: Float64NdArray): Float64NdArray {
    elementwiseShape(this.name, a.shape, b.shape);
    return binary(a, b, sumRow, this.name);
  }

  /** ∂y/∂a = ∂y/∂b = 1: each input gets gy, summed back to its shape. */
  backward(gy: Float64NdArray): Float64NdArray[] {
    const [a, b] = this.inputs;
    return [sumTo(gy, a.data.shape), sumTo(gy, b.data.shape)];
  }
}

/**
 * Add elementwise: y = a + b. Either operand may be a number.
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
 * assert.equal(x.grad?.get(), 2);
 * ```
 */
export function add(a: Operand, b: Operand): Variable {
  return new Add().call(a, b);
}

registerOperator("add", add);
