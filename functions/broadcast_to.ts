import { broadcastArray } from "../core/_tensor.ts";
import { type Float64NdArray, sameShape } from "../core/_ndarray.ts";
import { registerOperator } from "../core/_operators.ts";
import { asVariable } from "../core/as_variable.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { checkShapeArgument } from "./_shape.ts";
import { sumTo } from "./sum_to.ts";

/**
 * Broadcast to a shape (NumPy rules), as a view: nothing is copied.
 *
 * @example
 * ```ts
 * import { array, BroadcastTo } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new BroadcastTo([2, 3]).call(array([1, 2, 3]));
 * assert.deepEqual([...y.shape], [2, 3]);
 * assert.equal(y.data.get(1, 2), 3);
 * ```
 */
export class BroadcastTo extends Function {
  /** The target shape. */
  readonly shape: readonly number[];

  /**
   * Make a function that broadcasts its input to `shape`.
   *
   * @param shape The target shape.
   */
  constructor(shape: readonly number[]) {
    super();
    this.shape = checkShapeArgument("BroadcastTo", shape, { view: true });
  }

  /** A stride-0 view of the input in the target shape. */
  forward(x: Float64NdArray): Float64NdArray {
    return broadcastArray(this.name, x, this.shape);
  }

  /** Each input element was used once per copy: sum the copies' gradients. */
  backward(gy: Variable): Variable {
    return sumTo(gy, this.inputs[0].shape);
  }
}

/**
 * Broadcast `x` to `shape` by NumPy's rules: missing leading axes are added
 * and axes of size 1 are stretched. The result is a view with stride 0 on the
 * stretched axes, so nothing is copied. Returns `x` itself when the shapes
 * are equal.
 *
 * @param x The input.
 * @param shape The target shape.
 * @returns A Variable of the target shape.
 *
 * @example
 * ```ts
 * import { array, broadcastTo, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([1, 2, 3]));
 * const y = broadcastTo(x, [2, 3]);
 * assert.equal(String(y.data), "[[1. 2. 3.]\n [1. 2. 3.]]");
 * y.backward();
 * assert.equal(String(x.grad?.data), "[2. 2. 2.]");
 * ```
 */
export function broadcastTo(x: Operand, shape: readonly number[]): Variable {
  const checked = checkShapeArgument("broadcastTo()", shape, { view: true });
  const variable = asVariable(x);
  if (sameShape(variable.shape, checked)) return variable;
  return new BroadcastTo(checked).call(variable);
}

registerOperator("broadcastTo", broadcastTo);
