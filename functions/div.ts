import { reusable, trustBackward } from "../core/_grad_memory.ts";
import { binary, productRow, sumTo as sumToArray } from "../core/_kernels.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import { registerOperator } from "../core/_operators.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { mul } from "./mul.ts";
import { neg } from "./neg.ts";
import { square } from "./square.ts";
import { sumTo } from "./sum_to.ts";

/**
 * y = a / b, elementwise.
 *
 * @example
 * ```ts
 * import { array, Div } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new Div().call(array([6, 8]), array([2, 4]));
 * assert.equal(y.data.get(0), 3);
 * ```
 */
export class Div extends Function {
  /** y = a / b. */
  forward(a: Float64NdArray, b: Float64NdArray): Float64NdArray {
    return binary(a, b, quotientRow, this);
  }

  /** ∂y/∂a = 1/b, ∂y/∂b = -a/b². */
  backward(gy: Variable): (Variable | null)[] {
    const [a, b] = this.inputs;
    return [
      this.needsInputGrad(0) ? sumTo(div(gy, b), a.shape) : null,
      this.needsInputGrad(1)
        ? sumTo(mul(gy, div(neg(a), square(b))), b.shape)
        : null,
    ];
  }

  /** The same on arrays: gy / b, and gy · (-a / b²). */
  override backwardData(gy: Float64NdArray): (Float64NdArray | null)[] {
    const a = this.inputs[0].data;
    const b = this.inputs[1].data;
    let gb: Float64NdArray | null = null;
    if (this.needsInputGrad(1)) {
      // gy · (-a / b²), rounded exactly as the Variable path rounds it; the
      // product goes back into the slope, made here and dead after.
      const slope = binary(a, b, negatedSquaredQuotientRow, this);
      gb = sumToArray(binary(gy, slope, productRow, this, slope), b.shape);
    }
    // The last read of gy: the quotient may go into it.
    return [
      this.needsInputGrad(0)
        ? sumToArray(binary(gy, b, quotientRow, this, reusable(gy)), a.shape)
        : null,
      gb,
    ];
  }
}

/**
 * Divide elementwise: y = a / b, with NumPy broadcasting. Either operand may
 * be a number. Division by zero follows IEEE arithmetic (Infinity or NaN).
 *
 * @param a The dividend.
 * @param b The divisor.
 * @returns A new variable whose creator is a {@linkcode Div}.
 *
 * @example
 * ```ts
 * import { array, div, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const b = new Variable(array(4));
 * const y = div(2, b);
 * y.backward();
 * assert.equal(y.data.get(), 0.5);
 * assert.equal(b.grad?.data.get(), -0.125);
 * ```
 */
export function div(a: Operand, b: Operand): Variable {
  return new Div().call(a, b);
}

registerOperator("div", div);
trustBackward(Div);

/** Row kernel: y = a / b. */
function quotientRow(
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
    y[yOffset + i] = a[aOffset] / b[bOffset];
    aOffset += aStride;
    bOffset += bStride;
  }
}

/** Row kernel of the fused gradient: -a / b². */
function negatedSquaredQuotientRow(
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
    const v = b[bOffset];
    y[yOffset + i] = -a[aOffset] / (v * v);
    aOffset += aStride;
    bOffset += bStride;
  }
}
