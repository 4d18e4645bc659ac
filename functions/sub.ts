import { reusable, trustBackward } from "../core/_grad_memory.ts";
import { binary, sumTo as sumToArray, unary } from "../core/_kernels.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import { registerOperator } from "../core/_operators.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { neg } from "./neg.ts";
import { sumTo } from "./sum_to.ts";

/**
 * y = a - b, elementwise.
 *
 * @example
 * ```ts
 * import { array, Sub } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new Sub().call(array([5, 6]), array([1, 2]));
 * assert.equal(y.data.get(0), 4);
 * ```
 */
export class Sub extends Function {
  /** y = a - b. */
  forward(a: Float64NdArray, b: Float64NdArray): Float64NdArray {
    return binary(a, b, differenceRow, this);
  }

  /** ∂y/∂a = 1, ∂y/∂b = -1. */
  backward(gy: Variable): (Variable | null)[] {
    const [a, b] = this.inputs;
    return [
      this.needsInputGrad(0) ? sumTo(gy, a.shape) : null,
      this.needsInputGrad(1) ? sumTo(neg(gy), b.shape) : null,
    ];
  }

  /**
   * The same on arrays. gy itself may be a's gradient; if it is not, b's
   * may go into gy when the engine gives it away.
   */
  override backwardData(gy: Float64NdArray): (Float64NdArray | null)[] {
    const ga = this.needsInputGrad(0)
      ? sumToArray(gy, this.inputs[0].data.shape)
      : null;
    const gb = this.needsInputGrad(1)
      ? sumToArray(
        unary(gy, negatedRow, ga === gy ? undefined : reusable(gy)),
        this.inputs[1].data.shape,
      )
      : null;
    return [ga, gb];
  }
}

/**
 * Subtract elementwise: y = a - b, with NumPy broadcasting. Either operand
 * may be a number.
 *
 * @param a The first operand.
 * @param b The operand subtracted.
 * @returns A new variable whose creator is a {@linkcode Sub}.
 *
 * @example
 * ```ts
 * import { array, sub, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array(3));
 * const y = sub(10, x);
 * y.backward();
 * assert.equal(y.data.get(), 7);
 * assert.equal(x.grad?.data.get(), -1);
 * ```
 */
export function sub(a: Operand, b: Operand): Variable {
  return new Sub().call(a, b);
}

registerOperator("sub", sub);
trustBackward(Sub);

/** Row kernel: y = a - b. */
function differenceRow(
  a: Float64Array,
  aOffset: number,
  aStride: number,
  b: Float64Array,
  bOffset: number,
  bStride: number,
  y: Float64Array,
  yOffset: number,
  length: number,
): void {
  for (let i = 0; i < length; i++) {
    y[yOffset + i] = a[aOffset] - b[bOffset];
    aOffset += aStride;
    bOffset += bStride;
  }
}

/** Row kernel of the fused gradient: -gy. */
function negatedRow(
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
