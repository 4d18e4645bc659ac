import { trustBackward } from "../core/_grad_memory.ts";
import { binary, unary } from "../core/_kernels.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import { mapWasm } from "../core/_wasm/_elementwise.ts";
import { registerOperator } from "../core/_operators.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { mul } from "./mul.ts";
import { neg } from "./neg.ts";
import { Sin, sin } from "./sin.ts";

/**
 * y = cos x, elementwise.
 *
 * @example
 * ```ts
 * import { array, Cos } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new Cos().call(array(0));
 * assert.equal(y.data.get(), 1);
 * ```
 */
export class Cos extends Function {
  /** y = cos x. */
  forward(x: Float64NdArray): Float64NdArray {
    return unary(x, cosRow);
  }

  /** dy/dx = -sin x. */
  backward(gy: Variable): Variable {
    return mul(gy, neg(sin(this.inputs[0])));
  }

  /** The same, fused into one pass. */
  override backwardData(gy: Float64NdArray): Float64NdArray {
    // Sin's own kernel, so that the result equals the Variable path's; the
    // product goes back into the sine, made here and dead after.
    const sine = new Sin().forward(this.inputs[0].data);
    return binary(gy, sine, negatedSineProductRow, this, sine);
  }
}

/**
 * The cosine of every element: y = cos x.
 *
 * @param x The input.
 * @returns A new variable whose creator is a {@linkcode Cos}.
 *
 * @example
 * ```ts
 * import { array, cos, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array(Math.PI / 2));
 * cos(x).backward();
 * assert.equal(x.grad?.data.get(), -1);
 * ```
 */
export function cos(x: Operand): Variable {
  return new Cos().call(x);
}

registerOperator("cos", cos);
trustBackward(Cos);

function cosRow(
  x: Float64Array,
  xOffset: number,
  xStride: number,
  y: Float64Array,
  yOffset: number,
  length: number,
): void {
  // Contiguous rows go to the WebAssembly SIMD kernel when there is one.
  if (xStride === 1 && mapWasm("cos", x, xOffset, y, yOffset, length)) return;
  for (let i = 0; i < length; i++) {
    y[yOffset + i] = Math.cos(x[xOffset]);
    xOffset += xStride;
  }
}

/** Row kernel of the fused gradient: gy · (-sin x), given sin x. */
function negatedSineProductRow(
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
    y[yOffset + i] = g * -v;
    aOffset += aStride;
    bOffset += bStride;
  }
}
