import type { Float64NdArray } from "../core/_ndarray.ts";
import { registerOperator } from "../core/_operators.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { extremumGrad, type ExtremumOptions } from "./_extremum.ts";
import { minArray } from "./_reduce.ts";

/**
 * The smallest element over some axes.
 *
 * @example
 * ```ts
 * import { array, Min } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new Min().call(array([4, 1, 3]));
 * assert.equal(y.data.get(), 1);
 * ```
 */
export class Min extends Function {
  /** The axes reduced, or `undefined` for all. */
  readonly axis: number | number[] | undefined;
  /** Whether the reduced axes are kept with size 1. */
  readonly keepdims: boolean;

  /**
   * Make a min reduction.
   *
   * @param options `axis` and `keepdims`.
   */
  constructor(options: ExtremumOptions = {}) {
    super();
    this.axis = typeof options.axis === "object"
      ? [...options.axis]
      : options.axis;
    this.keepdims = options.keepdims ?? false;
  }

  /** The minimum of each group; NaN if the group holds one, as NumPy. */
  forward(x: Float64NdArray): Float64NdArray {
    return minArray(this.name, x, this.axis, this.keepdims);
  }

  /** gy flows to the positions holding the minimum (all of them on a tie). */
  backward(gy: Variable): Variable {
    return extremumGrad(this, this.axis, gy);
  }
}

/**
 * The smallest elements of `x` over `axis` (default: all), as NumPy's `min`.
 * The gradient goes to the positions of the minimum; where several elements
 * tie, each of them receives the whole gradient, as in DeZero.
 *
 * @param x The input.
 * @param options `axis` (a number or an array; default all) and `keepdims`.
 * @returns A new variable whose creator is a {@linkcode Min}.
 *
 * @example
 * ```ts
 * import { array, min, toNested, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([[1, 5, 2], [7, 0, 3]]));
 * const y = min(x, { axis: 1 });
 * y.backward();
 * assert.deepEqual(toNested(y.data), [1, 0]);
 * assert.deepEqual(toNested(x.grad!.data), [[1, 0, 0], [0, 1, 0]]);
 * ```
 */
export function min(x: Operand, options: ExtremumOptions = {}): Variable {
  return new Min(options).call(x);
}

registerOperator("min", min);
