import { trustBackward } from "../core/_grad_memory.ts";
import { binary, productRow, unary } from "../core/_kernels.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import { mapWasm } from "../core/_wasm/_elementwise.ts";
import { registerOperator } from "../core/_operators.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { Cos, cos } from "./cos.ts";
import { mul } from "./mul.ts";

/**
 * y = sin x, elementwise.
 *
 * @example
 * ```ts
 * import { array, Sin } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new Sin().call(array(0));
 * assert.equal(y.data.get(), 0);
 * ```
 */
export class Sin extends Function {
  /** y = sin x. */
  forward(x: Float64NdArray): Float64NdArray {
    return unary(x, sinRow);
  }

  /** dy/dx = cos x. */
  backward(gy: Variable): Variable {
    return mul(gy, cos(this.inputs[0]));
  }

  /** The same, fused into one pass. */
  override backwardData(gy: Float64NdArray): Float64NdArray {
    // Cos's own kernel, so that the result equals the Variable path's; the
    // product goes back into the slope, made here and dead after.
    const slope = new Cos().forward(this.inputs[0].data);
    return binary(gy, slope, productRow, this, slope);
  }
}

/**
 * The sine of every element: y = sin x.
 *
 * @param x The input.
 * @returns A new variable whose creator is a {@linkcode Sin}.
 *
 * @example
 * ```ts
 * import { array, sin, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array(0));
 * sin(x).backward();
 * assert.equal(x.grad?.data.get(), 1);
 * ```
 */
export function sin(x: Operand): Variable {
  return new Sin().call(x);
}

registerOperator("sin", sin);
trustBackward(Sin);

function sinRow(
  x: Float64Array,
  xOffset: number,
  xStride: number,
  y: Float64Array,
  yOffset: number,
  length: number,
): void {
  // Contiguous rows go to the WebAssembly SIMD kernel when there is one.
  if (xStride === 1 && mapWasm("sin", x, xOffset, y, yOffset, length)) return;
  for (let i = 0; i < length; i++) {
    y[yOffset + i] = Math.sin(x[xOffset]);
    xOffset += xStride;
  }
}
