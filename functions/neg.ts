import { reusable, trustBackward } from "../core/_grad_memory.ts";
import { unary } from "../core/_kernels.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import { registerOperator } from "../core/_operators.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";

/**
 * y = -x, elementwise.
 *
 * @example
 * ```ts
 * import { array, Neg } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new Neg().call(array([2]));
 * assert.equal(y.data.get(0), -2);
 * ```
 */
export class Neg extends Function {
  /** y = -x. */
  forward(x: Float64NdArray): Float64NdArray {
    return unary(x, negativeRow);
  }

  /** dy/dx = -1. */
  backward(gy: Variable): Variable {
    return neg(gy);
  }

  /** The same on arrays. */
  override backwardData(gy: Float64NdArray): Float64NdArray {
    return unary(gy, negativeRow, reusable(gy));
  }
}

/**
 * Negate every element: y = -x.
 *
 * @param x The input.
 * @returns A new variable whose creator is a {@linkcode Neg}.
 *
 * @example
 * ```ts
 * import { array, neg, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([1, -2]));
 * const y = neg(x);
 * y.backward();
 * assert.equal(String(y.data), "[-1.  2.]");
 * assert.equal(String(x.grad?.data), "[-1. -1.]");
 * ```
 */
export function neg(x: Operand): Variable {
  return new Neg().call(x);
}

registerOperator("neg", neg);
trustBackward(Neg);

/** Row kernel: y = -x. */
function negativeRow(
  x: Float64Array,
  xOffset: number,
  xStride: number,
  y: Float64Array,
  yOffset: number,
  length: number,
): void {
  for (let i = 0; i < length; i++) {
    y[yOffset + i] = -x[xOffset];
    xOffset += xStride;
  }
}
