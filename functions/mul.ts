import {
  binary,
  elementwiseShape,
  productRow,
  sumTo,
} from "../core/_kernels.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import { registerOperator } from "../core/_operators.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";

/** y = a · b, elementwise. */
export class Mul extends Function {
  /** y = a · b. */
  forward(a: Float64NdArray, b: Float64NdArray): Float64NdArray {
    elementwiseShape(this.name, a.shape, b.shape);
    return binary(a, b, productRow, this.name);
  }

  /** ∂y/∂a = b, ∂y/∂b = a. */
  backward(gy: Float64NdArray): Float64NdArray[] {
    const [a, b] = this.inputs;
    return [
      sumTo(binary(gy, b.data, productRow, this.name), a.data.shape),
      sumTo(binary(gy, a.data, productRow, this.name), b.data.shape),
    ];
  }
}

/**
 * Multiply elementwise: y = a · b. Either operand may be a number.
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
 * assert.equal(a.grad?.get(), 2);
 * assert.equal(b.grad?.get(), 3);
 * ```
 */
export function mul(a: Operand, b: Operand): Variable {
  return new Mul().call(a, b);
}

registerOperator("mul", mul);
