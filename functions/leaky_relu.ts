import type { Float64NdArray } from "../core/_ndarray.ts";
import { Function, type Operand } from "../core/function.ts";
import { Variable } from "../core/variable.ts";
import { mapArray } from "./_reduce.ts";
import { mul } from "./mul.ts";

/**
 * y = x for x > 0, slope · x otherwise, elementwise.
 *
 * @example
 * ```ts
 * import { array, LeakyRelu } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new LeakyRelu(0.5).call(array([-4, 2]));
 * assert.equal(y.data.get(0), -2);
 * assert.equal(y.data.get(1), 2);
 * ```
 */
export class LeakyRelu extends Function {
  /** The factor applied to inputs that are not positive. */
  readonly slope: number;

  /**
   * Make a leaky ReLU with the given slope.
   *
   * @param slope The factor for inputs ≤ 0.
   */
  constructor(slope: number) {
    super();
    if (typeof slope !== "number" || !Number.isFinite(slope)) {
      throw new TypeError(
        `Cannot use ${
          String(slope)
        } as the slope: LeakyRelu expects a finite number`,
      );
    }
    this.slope = slope;
  }

  /** x where x > 0, slope · x elsewhere. */
  forward(x: Float64NdArray): Float64NdArray {
    const slope = this.slope;
    return mapArray(x, (v) => v > 0 ? v : v * slope);
  }

  /**
   * The derivative is 1 where x > 0 and `slope` elsewhere (DeZero's choice at
   * 0): a constant mask, so higher derivatives are 0.
   */
  backward(gy: Variable): Variable {
    const slope = this.slope;
    const mask = mapArray(this.inputs[0].data, (v) => v > 0 ? 1 : slope);
    return mul(gy, new Variable(mask));
  }
}

/**
 * Leaky ReLU, as DeZero's `leaky_relu`: y = x for x > 0 and y = slope · x
 * otherwise.
 *
 * @param x The input.
 * @param slope The factor for inputs ≤ 0 (default `0.2`, as DeZero).
 * @returns A new variable whose creator is a {@linkcode LeakyRelu}.
 *
 * @example
 * ```ts
 * import { array, leakyRelu, toNested, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([-2, 0.5, 3]));
 * const y = leakyRelu(x);
 * y.backward();
 * assert.deepEqual(toNested(y.data), [-0.4, 0.5, 3]);
 * assert.deepEqual(toNested(x.grad!.data), [0.2, 1, 1]);
 * ```
 */
export function leakyRelu(x: Operand, slope = 0.2): Variable {
  return new LeakyRelu(slope).call(x);
}
