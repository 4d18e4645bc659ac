import { reusable, trustBackward } from "../core/_grad_memory.ts";
import { binary, unary } from "../core/_kernels.ts";
import { mapWasm } from "../core/_wasm/_elementwise.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { mul } from "./mul.ts";
import { sub } from "./sub.ts";

/**
 * y = 1 / (1 + e⁻ˣ), elementwise.
 *
 * @example
 * ```ts
 * import { array, Sigmoid } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new Sigmoid().call(array(0));
 * assert.equal(y.data.get(), 0.5);
 * ```
 */
export class Sigmoid extends Function {
  /**
   * Computed as tanh(x / 2) / 2 + 1/2 (DeZero's form): equal to 1 / (1 +
   * e⁻ˣ), but no exponential overflows for large |x|.
   */
  forward(x: Float64NdArray): Float64NdArray {
    return unary(x, sigmoidRow);
  }

  /** dy/dx = y (1 - y). */
  backward(gy: Variable): Variable {
    const y = this.outputs[0];
    return mul(gy, mul(y, sub(1, y)));
  }

  /** The same, fused into one pass (no temporaries for y (1 - y)). */
  override backwardData(gy: Float64NdArray): Float64NdArray {
    const y = this.outputs[0].data;
    return binary(gy, y, sigmoidSlopeProductRow, this, reusable(gy));
  }
}

/**
 * The logistic sigmoid of every element: y = 1 / (1 + e⁻ˣ), between 0 and 1
 * and finite for any finite input.
 *
 * @param x The input.
 * @returns A new variable whose creator is a {@linkcode Sigmoid}.
 *
 * @example
 * ```ts
 * import { array, sigmoid, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array(0));
 * const y = sigmoid(x);
 * y.backward();
 * assert.equal(y.data.get(), 0.5);
 * assert.equal(x.grad?.data.get(), 0.25);
 * ```
 */
export function sigmoid(x: Operand): Variable {
  return new Sigmoid().call(x);
}

function sigmoidRow(
  x: Float64Array,
  xOffset: number,
  xStride: number,
  y: Float64Array,
  yOffset: number,
  length: number,
): void {
  // Contiguous rows go to the WebAssembly SIMD kernel when there is one.
  if (
    xStride === 1 && mapWasm("sigmoid", x, xOffset, y, yOffset, length)
  ) return;
  for (let i = 0; i < length; i++) {
    y[yOffset + i] = Math.tanh(x[xOffset] * 0.5) * 0.5 + 0.5;
    xOffset += xStride;
  }
}

/** Row kernel of the fused gradient: gy · y (1 - y), as backward computes it. */
function sigmoidSlopeProductRow(
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
    y[yOffset + i] = a[aOffset] * (v * (1 - v));
    aOffset += aStride;
    bOffset += bStride;
  }
}

trustBackward(Sigmoid);
