import type { Float64NdArray } from "../core/_ndarray.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { type Axes, softmaxArray } from "./_reduce.ts";
import { mul } from "./mul.ts";
import { sub } from "./sub.ts";
import { sum } from "./sum.ts";

/**
 * y = exp(x) / sum(exp(x)) along an axis.
 *
 * @example
 * ```ts
 * import { array, Softmax } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new Softmax().call(array([[0, 0]]));
 * assert.equal(y.data.get(0, 1), 0.5);
 * ```
 */
export class Softmax extends Function {
  /** The axis (or axes) normalised over. */
  readonly axis: number | number[];

  /**
   * Make a softmax over `axis`.
   *
   * @param axis The axis or axes to normalise over; negative counts from the end.
   */
  constructor(axis: number | number[] = 1) {
    super();
    this.axis = typeof axis === "number" ? axis : [...axis];
  }

  /**
   * exp(x - m) / sum(exp(x - m)) with m the largest element, so no
   * exponential overflows and ±1000 gives exact 0s and 1s.
   */
  forward(x: Float64NdArray): Float64NdArray {
    return softmaxArray(this.name, x, this.axis as Axes);
  }

  /**
   * ∂yᵢ/∂xⱼ = yᵢ(δᵢⱼ - yⱼ), so gx = y·gy - y·sum(y·gy), written with the
   * output Variable so it can be differentiated again.
   */
  backward(gy: Variable): Variable {
    const y = this.outputs[0];
    const gx = mul(y, gy);
    return sub(gx, mul(y, sum(gx, { axis: this.axis, keepdims: true })));
  }
}

/**
 * Softmax along `axis`: exp(x) / sum(exp(x)), each slice along the axis
 * summing to 1. Stable for large inputs: the maximum is subtracted first.
 *
 * @param x The input, for example scores of shape [N, C].
 * @param axis The axis or axes to normalise over (default `1`, as DeZero).
 * @returns A new variable whose creator is a {@linkcode Softmax}.
 *
 * @example
 * ```ts
 * import { array, softmax, Variable } from "@dezero/core";
 * import { assertAllClose } from "@dezero/core/testing";
 *
 * const x = new Variable(array([[0, Math.log(3)], [1000, -1000]]));
 * assertAllClose(softmax(x), [[0.25, 0.75], [1, 0]]);
 * ```
 */
export function softmax(x: Operand, axis: number | number[] = 1): Variable {
  return new Softmax(axis).call(x);
}
