import { broadcastShapes, sumTo as sumToArray } from "../core/_kernels.ts";
import {
  type Float64NdArray,
  formatShape,
  sameShape,
} from "../core/_ndarray.ts";
import { registerOperator } from "../core/_operators.ts";
import { asVariable } from "../core/as_variable.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { broadcastTo } from "./broadcast_to.ts";
import { checkShapeArgument } from "./_shape.ts";

/**
 * Sum down to a shape: the inverse of broadcasting.
 *
 * @example
 * ```ts
 * import { array, SumTo } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new SumTo([1, 2]).call(array([[1, 2], [3, 4]]));
 * assert.equal(y.data.get(0, 1), 6);
 * ```
 */
export class SumTo extends Function {
  /** The target shape. */
  readonly shape: readonly number[];

  /**
   * Make a function that sums its input down to `shape`.
   *
   * @param shape The target shape, one its input broadcasts from.
   */
  constructor(shape: readonly number[]) {
    super();
    this.shape = checkShapeArgument("SumTo", shape);
  }

  /** Sum the axes that broadcasting `shape` to the input's shape stretched. */
  forward(x: Float64NdArray): Float64NdArray {
    checkBroadcastsTo(this.name, this.shape, x.shape);
    return sumToArray(x, this.shape);
  }

  /** Every summed element gets the gradient of its sum: broadcast it back. */
  backward(gy: Variable): Variable {
    return broadcastTo(gy, this.inputs[0].shape);
  }
}

/**
 * Sum `x` down to `shape`, the axes that broadcasting `shape` up to `x`'s
 * shape would stretch. This is how a broadcast operand's gradient is reduced
 * to its shape. Returns `x` itself when the shapes are equal.
 *
 * @param x The input.
 * @param shape A shape that broadcasts to `x`'s shape.
 * @returns A Variable of the given shape.
 *
 * @example
 * ```ts
 * import { array, sumTo, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([[1, 2, 3], [4, 5, 6]]));
 * assert.equal(String(sumTo(x, [1, 3]).data), "[[5. 7. 9.]]");
 * assert.equal(String(sumTo(x, [2, 1]).data), "[[ 6.]\n [15.]]");
 * ```
 */
export function sumTo(x: Operand, shape: readonly number[]): Variable {
  const checked = checkShapeArgument("sumTo()", shape);
  const variable = asVariable(x);
  if (sameShape(variable.shape, checked)) return variable;
  return new SumTo(checked).call(variable);
}

registerOperator("sumTo", sumTo);

/** A TypeError unless `from` broadcasts to exactly `to`. */
function checkBroadcastsTo(
  caller: string,
  from: readonly number[],
  to: readonly number[],
): void {
  const shape = broadcastShapes(caller, from, to);
  if (!sameShape(shape, to)) {
    throw new TypeError(
      `Cannot sum shape ${formatShape(to)} to ${
        formatShape(from)
      } in ${caller}: ${formatShape(from)} must broadcast to the input's shape`,
    );
  }
}
