import { describe } from "../core/_describe.ts";
import { unary } from "../core/_kernels.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import { registerOperator } from "../core/_operators.ts";
import { Function, type Operand } from "../core/function.ts";
import { zerosOf } from "../core/_ndarray.ts";
import { Variable } from "../core/variable.ts";
import { mul } from "./mul.ts";

/**
 * y = xᶜ for a constant number c, elementwise.
 *
 * @example
 * ```ts
 * import { array, Pow } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new Pow(3).call(array([2]));
 * assert.equal(y.data.get(0), 8);
 * ```
 */
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

  /** y = xᶜ, as NumPy's `np.power` (C's `pow`) on float64. */
  forward(x: Float64NdArray): Float64NdArray {
    const c = this.c;
    if (Number.isFinite(c)) {
      // For a finite exponent JavaScript's `**` agrees with C's pow.
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
    // JavaScript gives NaN where C (and so NumPy) gives 1: 1 to any power,
    // NaN included, and -1 to ±Infinity.
    const unitToInfinity = c === Infinity || c === -Infinity;
    return unary(
      x,
      function specialRow(source, xOffset, xStride, y, yOffset, length) {
        for (let i = 0; i < length; i++) {
          const base = source[xOffset];
          y[yOffset + i] = base === 1 || (base === -1 && unitToInfinity)
            ? 1
            : base ** c;
          xOffset += xStride;
        }
      },
    );
  }

  /**
   * dy/dx = c·xᶜ⁻¹, itself a Pow so that higher derivatives follow the same
   * rule; for c = 0 the function is the constant 1, whose derivative is 0
   * everywhere (not 0·x⁻¹, which is NaN at 0).
   */
  backward(gy: Variable): Variable {
    const c = this.c;
    if (c === 0) return new Variable(zerosOf(this.inputs[0].shape));
    return mul(gy, mul(c, pow(this.inputs[0], c - 1)));
  }
}

/**
 * Raise every element to a constant power: y = xᶜ. Values follow NumPy's
 * `np.power` on float64, also where JavaScript's `**` differs: `pow(1, NaN)`,
 * `pow(-1, Infinity)` and `pow(1, -Infinity)` are 1. The derivative c·xᶜ⁻¹ is
 * computed with `pow` again, so every higher derivative of a polynomial is
 * exact, also at 0; the derivative of x⁰ is 0.
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
