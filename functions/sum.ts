import { normalizeAxes, sumArray } from "../core/_tensor.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import { registerOperator } from "../core/_operators.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { broadcastTo } from "./broadcast_to.ts";
import { reshape } from "./reshape.ts";

/** Options of {@linkcode sum}. */
export interface SumOptions {
  /** The axis or axes to sum over (default: all). Negative counts from the end. */
  axis?: number | number[];
  /** Keep the summed axes, with size 1 (default `false`). */
  keepdims?: boolean;
}

/** Sum over some axes (or all). */
export class Sum extends Function {
  /** The axes summed over, or `undefined` for all. */
  readonly axis: number | number[] | undefined;
  /** Whether the summed axes are kept with size 1. */
  readonly keepdims: boolean;

  /**
   * Make a function that sums its input.
   *
   * @param options `axis` and `keepdims`.
   */
  constructor(options: SumOptions = {}) {
    super();
    this.axis = options.axis;
    this.keepdims = options.keepdims ?? false;
  }

  /** One pass over the input, accumulating into the result. */
  forward(x: Float64NdArray): Float64NdArray {
    return sumArray(this.name, x, this.axis, this.keepdims);
  }

  /**
   * Every summed element contributed with weight 1: put the summed axes back
   * as size 1, then broadcast the gradient over them.
   */
  backward(gy: Variable): Variable {
    const shape = this.inputs[0].shape;
    const axes = normalizeAxes(this.name, this.axis, shape.length);
    const kept = shape.map((n, axis) => axes.includes(axis) ? 1 : n);
    return broadcastTo(reshape(gy, kept), shape);
  }
}

/**
 * Sum the elements of `x` over `axis` (default: all of them, giving a 0-d
 * result), keeping the summed axes with size 1 when `keepdims`.
 *
 * @param x The input.
 * @param options `axis` (a number or an array) and `keepdims`.
 * @returns The sums.
 *
 * @example
 * ```ts
 * import { array, sum, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([[1, 2, 3], [4, 5, 6]]));
 * assert.equal(sum(x).data.get(), 21);
 * assert.equal(String(sum(x, { axis: 0 }).data), "[5. 7. 9.]");
 * assert.deepEqual(sum(x, { axis: 1, keepdims: true }).shape, [2, 1]);
 * ```
 */
export function sum(x: Operand, options: SumOptions = {}): Variable {
  return new Sum(options).call(x);
}

registerOperator("sum", sum);
