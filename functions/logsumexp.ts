import type { Float64NdArray } from "../core/_ndarray.ts";
import { normalizeAxes, reshapeArray } from "../core/_tensor.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { keptShape, logsumexpArray } from "./_reduce.ts";
import { broadcastTo } from "./broadcast_to.ts";
import { exp } from "./exp.ts";
import { mul } from "./mul.ts";
import { reshape } from "./reshape.ts";
import { sub } from "./sub.ts";

/**
 * Options of {@linkcode logsumexp}.
 *
 * @example
 * ```ts
 * import { array, logsumexp } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = logsumexp(array([[0, 0], [1, 1]]), { axis: 1 });
 * assert.deepEqual([...y.shape], [2]);
 * assert.ok(Math.abs(y.data.get(1) - (1 + Math.LN2)) < 1e-12);
 * ```
 */
export interface LogsumexpOptions {
  /** The axis or axes to reduce (default: all). Negative counts from the end. */
  axis?: number | number[];
  /** Keep the reduced axes, with size 1 (default `false`). */
  keepdims?: boolean;
}

/**
 * y = log(sum(exp(x))) over some axes.
 *
 * @example
 * ```ts
 * import { array, Logsumexp } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * // ln(e⁰ + e⁰) = ln 2
 * const y = new Logsumexp().call(array([0, 0]));
 * assert.ok(Math.abs(y.data.get() - Math.LN2) < 1e-12);
 * ```
 */
export class Logsumexp extends Function {
  /** The axes reduced, or `undefined` for all. */
  readonly axis: number | number[] | undefined;
  /** Whether the reduced axes are kept with size 1. */
  readonly keepdims: boolean;

  /**
   * Make a log-sum-exp reduction.
   *
   * @param options `axis` and `keepdims`.
   */
  constructor(options: LogsumexpOptions = {}) {
    super();
    this.axis = typeof options.axis === "object"
      ? [...options.axis]
      : options.axis;
    this.keepdims = options.keepdims ?? false;
  }

  /** m + log(sum(exp(x - m))) with m the maximum, so nothing overflows. */
  forward(x: Float64NdArray): Float64NdArray {
    const y = logsumexpArray(this.name, x, this.axis);
    if (this.keepdims) return y;
    const axes = normalizeAxes(this.name, this.axis, x.shape.length);
    const shape = x.shape.filter((_, axis) => !axes.includes(axis));
    return reshapeArray(this.name, y, shape);
  }

  /** ∂y/∂x = exp(x - y), the softmax: gx = gy · exp(x - y). */
  backward(gy: Variable): Variable {
    const x = this.inputs[0];
    const axes = normalizeAxes(this.name, this.axis, x.ndim);
    const kept = keptShape(x.shape, axes);
    const y = broadcastTo(reshape(this.outputs[0], kept), x.shape);
    return mul(broadcastTo(reshape(gy, kept), x.shape), exp(sub(x, y)));
  }
}

/**
 * log(sum(exp(x))) over `axis`, computed without overflow: the maximum is
 * taken out first, so inputs of ±1000 give finite results.
 *
 * Unlike DeZero's `logsumexp(x, axis=1)`, which always keeps the reduced
 * axis, the defaults follow NumPy and SciPy: all axes, `keepdims: false`.
 *
 * @param x The input.
 * @param options `axis` (a number or an array; default all) and `keepdims`.
 * @returns A new variable whose creator is a {@linkcode Logsumexp}.
 *
 * @example
 * ```ts
 * import { array, logsumexp, Variable } from "@dezero/core";
 * import { assertAllClose } from "@dezero/core/testing";
 *
 * const x = new Variable(array([[1000, 1000], [0, -Infinity]]));
 * assertAllClose(logsumexp(x, { axis: 1 }), [1000 + Math.log(2), 0]);
 * ```
 */
export function logsumexp(
  x: Operand,
  options: LogsumexpOptions = {},
): Variable {
  return new Logsumexp(options).call(x);
}
