import { trustBackward } from "../core/_grad_memory.ts";
import { reshapeArray } from "../core/_tensor.ts";
import { type Float64NdArray, sameShape } from "../core/_ndarray.ts";
import { registerOperator } from "../core/_operators.ts";
import { asVariable } from "../core/as_variable.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { checkShapeArgument } from "./_shape.ts";

/**
 * The same elements in a new shape.
 *
 * @example
 * ```ts
 * import { array, Reshape } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new Reshape([3, 2]).call(array([[1, 2, 3], [4, 5, 6]]));
 * assert.deepEqual([...y.shape], [3, 2]);
 * assert.equal(y.data.get(2, 1), 6);
 * ```
 */
export class Reshape extends Function {
  /** The target shape (may hold one -1, inferred from the size). */
  readonly shape: readonly number[];

  /**
   * Make a function that reshapes its input to `shape`.
   *
   * @param shape The target shape; one dimension may be -1.
   */
  constructor(shape: readonly number[]) {
    super();
    this.shape = checkShapeArgument("Reshape", shape, { inferred: true });
  }

  /** A view over the same data when the input is contiguous, else a copy. */
  forward(x: Float64NdArray): Float64NdArray {
    return reshapeArray(this.name, x, this.shape);
  }

  /** The gradient takes the input's shape back. */
  backward(gy: Variable): Variable {
    return reshape(gy, this.inputs[0].shape);
  }
}

/**
 * Give `x` a new shape with the same number of elements, in row-major order.
 * One dimension may be -1, inferred from the others. Returns `x` itself when
 * the shape is unchanged.
 *
 * @param x The input.
 * @param shape The new shape.
 * @returns A Variable of the new shape.
 *
 * @example
 * ```ts
 * import { array, reshape, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([[1, 2, 3], [4, 5, 6]]));
 * const y = reshape(x, [3, -1]);
 * assert.deepEqual(y.shape, [3, 2]);
 * y.backward();
 * assert.deepEqual(x.grad?.shape, [2, 3]);
 * ```
 */
export function reshape(x: Operand, shape: readonly number[]): Variable {
  const checked = checkShapeArgument("reshape()", shape, { inferred: true });
  const variable = asVariable(x);
  if (sameShape(variable.shape, checked)) return variable;
  return new Reshape(checked).call(variable);
}

registerOperator("reshape", reshape);
trustBackward(Reshape);
