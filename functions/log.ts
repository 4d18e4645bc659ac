import { reusable, trustBackward } from "../core/_grad_memory.ts";
import { binary, unary } from "../core/_kernels.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import { mapWasm } from "../core/_wasm/_elementwise.ts";
import { registerOperator } from "../core/_operators.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { div } from "./div.ts";

/**
 * y = ln x, elementwise (the natural logarithm).
 *
 * @example
 * ```ts
 * import { array, Log } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new Log().call(array(1));
 * assert.equal(y.data.get(), 0);
 * ```
 */
export class Log extends Function {
  /** y = ln x. */
  forward(x: Float64NdArray): Float64NdArray {
    return unary(x, logRow);
  }

  /** dy/dx = 1/x, so gx = gy / x. */
  backward(gy: Variable): Variable {
    return div(gy, this.inputs[0]);
  }

  /** The same, fused into one pass. */
  override backwardData(gy: Float64NdArray): Float64NdArray {
    const x = this.inputs[0].data;
    return binary(gy, x, quotientRow, this, reusable(gy));
  }
}

/**
 * The natural logarithm of every element: y = ln x. Negative inputs give NaN, zero gives -Infinity, as IEEE says.
 *
 * @param x The input.
 * @returns A new variable whose creator is a {@linkcode Log}.
 *
 * @example
 * ```ts
 * import { array, log, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array(2));
 * log(x).backward();
 * assert.equal(x.grad?.data.get(), 0.5);
 * ```
 */
export function log(x: Operand): Variable {
  return new Log().call(x);
}

registerOperator("log", log);
trustBackward(Log);

function logRow(
  x: Float64Array,
  xOffset: number,
  xStride: number,
  y: Float64Array,
  yOffset: number,
  length: number,
): void {
  // Contiguous rows go to the WebAssembly SIMD kernel when there is one.
  if (xStride === 1 && mapWasm("log", x, xOffset, y, yOffset, length)) return;
  for (let i = 0; i < length; i++) {
    y[yOffset + i] = Math.log(x[xOffset]);
    xOffset += xStride;
  }
}

/** Row kernel of the fused gradient: gy / x. */
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
    const g = a[aOffset];
    const v = b[bOffset];
    y[yOffset + i] = g / v;
    aOffset += aStride;
    bOffset += bStride;
  }
}
