import { describe } from "../core/_describe.ts";
import { unary } from "../core/_kernels.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import { registerOperator } from "../core/_operators.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { mul } from "./mul.ts";

/** y = xᶜ for a constant number c, elementwise. */
export class Pow extends Function {
  /** The constant exponent. */
  readonly c: number;

  /**
   * Make a power function with a fixed exponent.
   *
   * @param c The exponent, a number.
   */
  constructor(c: number) {
    super();
    if (typeof c !== "number") {
      throw new TypeError(
        `Cannot raise to ${describe(c)}: Pow expects a number as the exponent`,
      );
    }
    this.c = c;
  }

  /** y = xᶜ. */
  forward(x: Float64NdArray): Float64NdArray {
    const c = this.c;
    return unary(
      x,
      function powerRow(source, xOffset, xStride, y, yOffset, length) {
        for (let i = 0; i < length; i++) {
          y[yOffset + i] = source[xOffset] ** c;
          xOffset += xStride;
        }
      },
    );
  }

  /** dy/dx = c·xᶜ⁻¹. */
  backward(gy: Variable): Variable {
    const c = this.c;
    return mul(gy, mul(c, pow(this.inputs[0], c - 1)));
  }
}

/**
 * Raise every element to a constant power: y = xᶜ.
 *
 * @param x The base.
 * @param c The exponent, a number (not a Variable).
 * @returns A new variable whose creator is a {@linkcode Pow}.
 *
 * @example
 * ```ts
 * import { array, pow, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array(2));
 * const y = pow(x, 3);
 * y.backward();
 * assert.equal(y.data.get(), 8);
 * assert.equal(x.grad?.data.get(), 12);
 * ```
 */
export function pow(x: Operand, c: number): Variable {
  return new Pow(c).call(x);
}

registerOperator("pow", pow);
