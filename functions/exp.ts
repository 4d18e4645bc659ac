import { reusable, trustBackward } from "../core/_grad_memory.ts";
import { binary, productRow, unary } from "../core/_kernels.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import { mapWasm } from "../core/_wasm/_elementwise.ts";
import { registerOperator } from "../core/_operators.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { mul } from "./mul.ts";

/**
 * y = eˣ, elementwise.
 *
 * @example
 * ```ts
 * import { array, Exp } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new Exp().call(array(0));
 * assert.equal(y.data.get(), 1);
 * ```
 */
export class Exp extends Function {
  /** y = eˣ. */
  forward(x: Float64NdArray): Float64NdArray {
    return unary(x, expRow);
  }

  /** dy/dx = eˣ = y, so gx = gy · y (reusing the output saves an exp). */
  backward(gy: Variable): Variable {
    return mul(gy, this.outputs[0]);
  }

  /** The same on arrays: gx = gy · y. */
  override backwardData(gy: Float64NdArray): Float64NdArray {
    const y = this.outputs[0].data;
    return binary(gy, y, productRow, this, reusable(gy));
  }
}

/**
 * The exponential of every element: y = eˣ.
 *
 * @param x The input.
 * @returns A new variable whose creator is an {@linkcode Exp}.
 *
 * @example
 * ```ts
 * import { array, exp, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array(0));
 * const y = exp(x);
 * y.backward();
 * assert.equal(y.data.get(), 1);
 * assert.equal(x.grad?.data.get(), 1);
 * ```
 */
export function exp(x: Operand): Variable {
  return new Exp().call(x);
}

registerOperator("exp", exp);
trustBackward(Exp);

function expRow(
  x: Float64Array,
  xOffset: number,
  xStride: number,
  y: Float64Array,
  yOffset: number,
  length: number,
): void {
  // Contiguous rows go to the WebAssembly SIMD kernel when there is one.
  if (xStride === 1 && mapWasm("exp", x, xOffset, y, yOffset, length)) return;
  for (let i = 0; i < length; i++) {
    y[yOffset + i] = Math.exp(x[xOffset]);
    xOffset += xStride;
  }
}
