import type { Float64NdArray } from "../core/_ndarray.ts";
import { registerOperator } from "../core/_operators.ts";
import { Function, type Operand } from "../core/function.ts";
import { Variable } from "../core/variable.ts";
import { mapArray } from "./_reduce.ts";
import { mul } from "./mul.ts";

/**
 * y = min(max(x, low), high), elementwise.
 *
 * @example
 * ```ts
 * import { array, Clip } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new Clip(0, 1).call(array([-1, 0.5, 2]));
 * assert.equal(y.data.get(0), 0);
 * assert.equal(y.data.get(2), 1);
 * ```
 */
export class Clip extends Function {
  /** The lower bound. */
  readonly min: number;
  /** The upper bound. */
  readonly max: number;

  /**
   * Make a function that clips to [min, max].
   *
   * @param min The lower bound.
   * @param max The upper bound, at least `min`.
   */
  constructor(min: number, max: number) {
    super();
    for (const [name, bound] of [["min", min], ["max", max]] as const) {
      if (typeof bound !== "number" || Number.isNaN(bound)) {
        throw new TypeError(
          `Cannot clip with ${name} ${String(bound)}: Clip expects a number`,
        );
      }
    }
    if (min > max) {
      throw new RangeError(
        `Cannot clip to [${min}, ${max}]: Clip expects min <= max`,
      );
    }
    this.min = min;
    this.max = max;
  }

  /** Each element moved into [min, max]. */
  forward(x: Float64NdArray): Float64NdArray {
    const { min, max } = this;
    return mapArray(x, (v) => v < min ? min : v > max ? max : v);
  }

  /**
   * The derivative is 1 inside [min, max] (bounds included, as DeZero) and
   * 0 outside: a constant mask.
   */
  backward(gy: Variable): Variable {
    const { min, max } = this;
    const mask = mapArray(
      this.inputs[0].data,
      (v) => v >= min && v <= max ? 1 : 0,
    );
    return mul(gy, new Variable(mask));
  }
}

/**
 * Clip every element into [min, max], as DeZero's `clip` and NumPy's `clip`.
 * The gradient passes where min <= x <= max and is 0 elsewhere.
 *
 * @param x The input.
 * @param min The lower bound.
 * @param max The upper bound.
 * @returns A new variable whose creator is a {@linkcode Clip}.
 *
 * @example
 * ```ts
 * import { array, clip, toNested, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([-2, 0.5, 3]));
 * const y = clip(x, 0, 1);
 * y.backward();
 * assert.deepEqual(toNested(y.data), [0, 0.5, 1]);
 * assert.deepEqual(toNested(x.grad!.data), [0, 1, 0]);
 * ```
 */
export function clip(x: Operand, min: number, max: number): Variable {
  return new Clip(min, max).call(x);
}

registerOperator("clip", clip);
