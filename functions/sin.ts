import { binary, unary } from "../core/_kernels.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import { registerOperator } from "../core/_operators.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { cos } from "./cos.ts";
import { mul } from "./mul.ts";

/** y = sin x, elementwise. */
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
    return binary(gy, this.inputs[0].data, cosineProductRow, this);
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

function sinRow(
  x: Float64Array,
  xOffset: number,
  xStride: number,
  y: Float64Array,
  yOffset: number,
  length: number,
): void {
  for (let i = 0; i < length; i++) {
    y[yOffset + i] = Math.sin(x[xOffset]);
    xOffset += xStride;
  }
}

/** Row kernel of the fused gradient: gy · cos x. */
function cosineProductRow(
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
    y[yOffset + i] = g * Math.cos(v);
    aOffset += aStride;
    bOffset += bStride;
  }
}
