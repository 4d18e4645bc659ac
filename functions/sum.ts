import { normalizeAxes, sumArray } from "../core/_tensor.ts";
import {
  type Axis,
  sumArguments,
  type SumOptions,
} from "../core/_sum_arguments.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import { registerOperator } from "../core/_operators.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { broadcastTo } from "./broadcast_to.ts";
import { reshape } from "./reshape.ts";

export type { Axis, SumOptions };

/**
 * Sum over some axes (or all).
 *
 * @example
 * ```ts
 * import { array, Sum } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new Sum({ axis: 0 }).call(array([[1, 2], [3, 4]]));
 * assert.equal(y.data.get(1), 6);
 * ```
 */
export class Sum extends Function {
  /** The axes summed over, or `undefined` for all. */
  readonly axis: number | readonly number[] | undefined;
  /** Whether the summed axes are kept with size 1. */
  readonly keepdims: boolean;

  /**
   * Make a function that sums its input.
   *
   * @param options `axis` and `keepdims`; `null` or absent: all axes, not
   * kept.
   */
  constructor(options?: SumOptions | null) {
    super();
    const checked = sumArguments("Sum", options ?? {});
    this.axis = checked.axis;
    this.keepdims = checked.keepdims;
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
 * Sum the elements of `x` over an axis or axes (default: all of them, giving
 * a 0-d result), keeping the summed axes with size 1 when `keepdims`. Called
 * as in NumPy and the book, `sum(x, 0)`, `sum(x, [0, 1])`, `sum(x, -1, true)`,
 * or with options, `sum(x, { axis: 0, keepdims: true })`. An axis of `null`
 * (NumPy's `None`) or `undefined` means all axes; negative axes count from
 * the end. Anything else, or an unknown option, is a TypeError.
 *
 * @param x The input.
 * @param axisOrOptions An axis, an array of axes, `null` for all, or options
 * `{ axis, keepdims }`.
 * @param keepdims Keep the summed axes with size 1 (default `false`); give it
 * here or in the options, not both.
 * @returns The sums.
 *
 * @example
 * ```ts
 * import { array, sum, toNested, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([[1, 2, 3], [4, 5, 6]]));
 * assert.equal(sum(x).data.get(), 21);
 * assert.deepEqual(toNested(sum(x, 0).data), [5, 7, 9]);
 * assert.deepEqual(toNested(sum(x, -1, true).data), [[6], [15]]);
 * assert.equal(sum(x, [0, 1]).data.get(), 21);
 * assert.deepEqual(sum(x, { axis: 1, keepdims: true }).shape, [2, 1]);
 * assert.equal(sum(x, null).data.get(), 21);
 * ```
 */
export function sum(
  x: Operand,
  axisOrOptions?: Axis | SumOptions,
  keepdims?: boolean | null,
): Variable {
  const checked = sumArguments("sum()", axisOrOptions, keepdims);
  return new Sum(checked).call(x);
}

registerOperator("sum", sum);
