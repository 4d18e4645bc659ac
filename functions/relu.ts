import { reusable, trustBackward } from "../core/_grad_memory.ts";
import { binary, unary } from "../core/_kernels.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import { Function, type Operand } from "../core/function.ts";
import { Variable } from "../core/variable.ts";
import { mul } from "./mul.ts";

/**
 * y = max(x, 0), elementwise.
 *
 * @example
 * ```ts
 * import { array, ReLU } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new ReLU().call(array([-1, 2]));
 * assert.equal(y.data.get(0), 0);
 * assert.equal(y.data.get(1), 2);
 * ```
 */
export class ReLU extends Function {
  /** y = max(x, 0). */
  forward(x: Float64NdArray): Float64NdArray {
    return unary(x, reluRow);
  }

  /**
   * dy/dx is 1 where x > 0 and 0 elsewhere (0 at the kink x = 0, as DeZero
   * and PyTorch): gy times that mask, a constant, so the second derivative
   * is 0.
   */
  backward(gy: Variable): Variable {
    return mul(gy, new Variable(unary(this.inputs[0].data, maskRow)));
  }

  /** The same, fused into one pass (no mask array). */
  override backwardData(gy: Float64NdArray): Float64NdArray {
    const x = this.inputs[0].data;
    return binary(gy, x, maskedRow, this, reusable(gy));
  }
}

/**
 * The rectified linear unit of every element: y = max(x, 0).
 *
 * @param x The input.
 * @returns A new variable whose creator is a {@linkcode ReLU}.
 *
 * @example
 * ```ts
 * import { array, relu, toNested, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([-2, 0, 3]));
 * const y = relu(x);
 * y.backward();
 * assert.deepEqual(toNested(y.data), [0, 0, 3]);
 * assert.deepEqual(toNested(x.grad!.data), [0, 0, 1]);
 * ```
 */
export function relu(x: Operand): Variable {
  return new ReLU().call(x);
}

function reluRow(
  x: Float64Array,
  xOffset: number,
  xStride: number,
  y: Float64Array,
  yOffset: number,
  length: number,
): void {
  for (let i = 0; i < length; i++) {
    const value = x[xOffset];
    // `value > 0 ? value : 0` would turn NaN into 0; NumPy's maximum keeps it.
    y[yOffset + i] = value <= 0 ? 0 : value;
    xOffset += xStride;
  }
}

function maskRow(
  x: Float64Array,
  xOffset: number,
  xStride: number,
  y: Float64Array,
  yOffset: number,
  length: number,
): void {
  for (let i = 0; i < length; i++) {
    y[yOffset + i] = x[xOffset] > 0 ? 1 : 0;
    xOffset += xStride;
  }
}

/** Row kernel of the fused gradient: gy · (1 where x > 0, else 0). */
function maskedRow(
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
    y[yOffset + i] = a[aOffset] * (b[bOffset] > 0 ? 1 : 0);
    aOffset += aStride;
    bOffset += bStride;
  }
}

trustBackward(ReLU);
