import { reusable, trustBackward } from "../core/_grad_memory.ts";
import { binary, unary } from "../core/_kernels.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import { mapWasm } from "../core/_wasm/_elementwise.ts";
import { registerOperator } from "../core/_operators.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { mul } from "./mul.ts";
import { square } from "./square.ts";
import { sub } from "./sub.ts";

/**
 * y = tanh x, elementwise.
 *
 * @example
 * ```ts
 * import { array, Tanh } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new Tanh().call(array(0));
 * assert.equal(y.data.get(), 0);
 * ```
 */
export class Tanh extends Function {
  /** y = tanh x. */
  forward(x: Float64NdArray): Float64NdArray {
    return unary(x, tanhRow);
  }

  /** dy/dx = 1 - y². */
  backward(gy: Variable): Variable {
    return mul(gy, sub(1, square(this.outputs[0])));
  }

  /** The same, fused into one pass. */
  override backwardData(gy: Float64NdArray): Float64NdArray {
    const y = this.outputs[0].data;
    return binary(gy, y, tanhSlopeProductRow, this, reusable(gy));
  }
}

/**
 * The hyperbolic tangent of every element: y = tanh x.
 *
 * @param x The input.
 * @returns A new variable whose creator is a {@linkcode Tanh}.
 *
 * @example
 * ```ts
 * import { array, tanh, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array(0));
 * tanh(x).backward();
 * assert.equal(x.grad?.data.get(), 1);
 * ```
 */
export function tanh(x: Operand): Variable {
  return new Tanh().call(x);
}

registerOperator("tanh", tanh);
trustBackward(Tanh);

function tanhRow(
  x: Float64Array,
  xOffset: number,
  xStride: number,
  y: Float64Array,
  yOffset: number,
  length: number,
): void {
  // Contiguous rows go to the WebAssembly SIMD kernel when there is one.
  if (xStride === 1 && mapWasm("tanh", x, xOffset, y, yOffset, length)) return;
  for (let i = 0; i < length; i++) {
    y[yOffset + i] = Math.tanh(x[xOffset]);
    xOffset += xStride;
  }
}

/** Row kernel of the fused gradient: gy · (1 - y²). */
function tanhSlopeProductRow(
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
    y[yOffset + i] = g * (1 - v * v);
    aOffset += aStride;
    bOffset += bStride;
  }
}
