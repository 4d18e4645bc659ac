import type { Float64NdArray } from "../core/_ndarray.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { type Axes, logSoftmaxArray } from "./_reduce.ts";
import { exp } from "./exp.ts";
import { mul } from "./mul.ts";
import { sub } from "./sub.ts";
import { sum } from "./sum.ts";

/**
 * y = x - logsumexp(x) along an axis: the log of the softmax.
 *
 * @example
 * ```ts
 * import { array, LogSoftmax } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new LogSoftmax().call(array([[0, 0]]));
 * assert.ok(Math.abs(y.data.get(0, 0) + Math.LN2) < 1e-12);
 * ```
 */
export class LogSoftmax extends Function {
  /** The axis (or axes) normalised over. */
  readonly axis: number | number[];

  /**
   * Make a log-softmax over `axis`.
   *
   * @param axis The axis or axes to normalise over; negative counts from the end.
   */
  constructor(axis: number | number[] = 1) {
    super();
    this.axis = typeof axis === "number" ? axis : [...axis];
  }

  /**
   * (x - m) - log(sum(exp(x - m))) with m the largest element: never the log
   * of an underflowed 0, and no rounding at the magnitude of m.
   */
  forward(x: Float64NdArray): Float64NdArray {
    return logSoftmaxArray(this.name, x, this.axis as Axes);
  }

  /** ∂yᵢ/∂xⱼ = δᵢⱼ - softmax(x)ⱼ, so gx = gy - exp(y)·sum(gy). */
  backward(gy: Variable): Variable {
    const y = this.outputs[0];
    return sub(gy, mul(exp(y), sum(gy, { axis: this.axis, keepdims: true })));
  }
}

/**
 * The logarithm of the softmax along `axis`, computed as x - logsumexp(x)
 * so that it stays finite where the softmax underflows to 0.
 *
 * @param x The input, for example scores of shape [N, C].
 * @param axis The axis or axes to normalise over (default `1`, as DeZero).
 * @returns A new variable whose creator is a {@linkcode LogSoftmax}.
 *
 * @example
 * ```ts
 * import { array, logSoftmax, Variable } from "@dezero/core";
 * import { assertAllClose } from "@dezero/core/testing";
 *
 * const x = new Variable(array([[1000, -1000]]));
 * assertAllClose(logSoftmax(x), [[0, -2000]]);
 * ```
 */
export function logSoftmax(x: Operand, axis: number | number[] = 1): Variable {
  return new LogSoftmax(axis).call(x);
}
