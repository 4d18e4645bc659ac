import type { Float64NdArray } from "../core/_ndarray.ts";
import { registerOperator } from "../core/_operators.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { extremumGrad, type ExtremumOptions } from "./_extremum.ts";
import { maxArray } from "./_reduce.ts";

export type { ExtremumOptions } from "./_extremum.ts";

/**
 * The largest element over some axes.
 *
 * @example
 * ```ts
 * import { array, Max } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new Max().call(array([1, 5, 3]));
 * assert.equal(y.data.get(), 5);
 * ```
 */
export class Max extends Function {
  /** The axes reduced, or `undefined` for all. */
  readonly axis: number | number[] | undefined;
  /** Whether the reduced axes are kept with size 1. */
  readonly keepdims: boolean;

  /**
   * Make a max reduction.
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

  /** The maximum of each group; NaN if the group holds one, as NumPy. */
  forward(x: Float64NdArray): Float64NdArray {
    return maxArray(this.name, x, this.axis, this.keepdims);
  }

  /** gy flows to the positions holding the maximum (all of them on a tie). */
  backward(gy: Variable): Variable {
    return extremumGrad(this, this.axis, gy);
  }
}

/**
 * The largest elements of `x` over `axis` (default: all), as NumPy's `max`.
 * The gradient goes to the positions of the maximum; where several elements
 * tie, each of them receives the whole gradient, as in DeZero.
 *
 * @param x The input.
 * @param options `axis` (a number or an array; default all) and `keepdims`.
 * @returns A new variable whose creator is a {@linkcode Max}.
 *
 * @example
 * ```ts
 * import { array, max, toNested, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([[1, 5, 2], [7, 0, 3]]));
 * const y = max(x, { axis: 1 });
 * y.backward();
 * assert.deepEqual(toNested(y.data), [5, 7]);
 * assert.deepEqual(toNested(x.grad!.data), [[0, 1, 0], [1, 0, 0]]);
 * ```
 */
export function max(x: Operand, options: ExtremumOptions = {}): Variable {
  return new Max(options).call(x);
}

registerOperator("max", max);
