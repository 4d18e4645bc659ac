import { reusable, trustBackward } from "../core/_grad_memory.ts";
import { binary, unary } from "../core/_kernels.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import { registerOperator } from "../core/_operators.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { mul } from "./mul.ts";

/**
 * y = x², elementwise.
 *
 * @example
 * ```ts
 * import { array, Square } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new Square().call(array([3]));
 * assert.equal(y.data.get(0), 9);
 * ```
 */
export class Square extends Function {
  /** y = x². */
  forward(x: Float64NdArray): Float64NdArray {
    return unary(x, squareRow);
  }

  /** dy/dx = 2x, so gx = gy · 2x. */
  backward(gy: Variable): Variable {
    return mul(gy, mul(this.inputs[0], 2));
  }

  /** The same, fused: gx = 2 · gy · x in one pass. */
  override backwardData(gy: Float64NdArray): Float64NdArray {
    const x = this.inputs[0].data;
    return binary(gy, x, twiceProductRow, this, reusable(gy));
  }
}

/**
 * Square every element: y = x².
 *
 * @param x The input.
 * @returns A new variable whose creator is a {@linkcode Square}.
 *
 * @example
 * ```ts
 * import { array, square, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([1, 2, 3]));
 * const y = square(x);
 * y.backward();
 * assert.equal(String(y.data), "[1. 4. 9.]");
 * assert.equal(String(x.grad?.data), "[2. 4. 6.]");
 * ```
 */
export function square(x: Operand): Variable {
  return new Square().call(x);
}

registerOperator("square", square);
trustBackward(Square);

function squareRow(
  x: Float64Array,
  xOffset: number,
  xStride: number,
  y: Float64Array,
  yOffset: number,
  length: number,
): void {
  for (let i = 0; i < length; i++) {
    const value = x[xOffset];
    y[yOffset + i] = value * value;
    xOffset += xStride;
  }
}

/** Row kernel of the fused gradient: 2 · gy · x. */
function twiceProductRow(
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
    y[yOffset + i] = 2 * g * v;
    aOffset += aStride;
    bOffset += bStride;
  }
}
