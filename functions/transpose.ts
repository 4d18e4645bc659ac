import { trustBackward } from "../core/_grad_memory.ts";
import { describe } from "../core/_describe.ts";
import { transposeArray } from "../core/_tensor.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import { registerOperator } from "../core/_operators.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";

/**
 * Permute the axes, as a view: nothing is copied.
 *
 * @example
 * ```ts
 * import { array, Transpose } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new Transpose().call(array([[1, 2, 3]]));
 * assert.deepEqual([...y.shape], [3, 1]);
 * assert.equal(y.data.get(2, 0), 3);
 * ```
 */
export class Transpose extends Function {
  /** The permutation, or `undefined` to reverse the axes. */
  readonly axes: readonly number[] | undefined;

  /**
   * Make a function that permutes its input's axes.
   *
   * @param axes A permutation of the axes; `null` or absent: reversed.
   */
  constructor(axes?: readonly number[] | null) {
    super();
    this.axes = checkAxes("Transpose", axes);
  }

  /** A view with permuted shape and strides. */
  forward(x: Float64NdArray): Float64NdArray {
    return transposeArray(this.name, x, this.axes);
  }

  /** The gradient goes through the inverse permutation. */
  backward(gy: Variable): Variable {
    const ndim = this.inputs[0].ndim;
    if (this.axes === undefined) return transpose(gy);
    const inverse = new Array<number>(ndim);
    this.axes.forEach((axis, i) => {
      inverse[((axis % ndim) + ndim) % ndim] = i;
    });
    return transpose(gy, inverse);
  }
}

/**
 * Permute the axes of `x` (default: reverse them, the matrix transpose).
 *
 * @param x The input.
 * @param axes A permutation of `x`'s axes, negative ones counting from the
 * end; `null` or absent (NumPy's `None`): the axes reversed.
 * @returns A Variable viewing the same data with permuted axes.
 *
 * @example
 * ```ts
 * import { array, transpose, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([[1, 2, 3], [4, 5, 6]]));
 * assert.equal(String(transpose(x).data), "[[1. 4.]\n [2. 5.]\n [3. 6.]]");
 * assert.deepEqual(transpose(new Variable(array([[[1, 2]]])), [2, 0, 1]).shape, [2, 1, 1]);
 * ```
 */
export function transpose(
  x: Operand,
  axes?: readonly number[] | null,
): Variable {
  return new Transpose(checkAxes("transpose()", axes)).call(x);
}

// A copy of the axes, `undefined` for the default, or a TypeError.
function checkAxes(
  caller: string,
  axes: unknown,
): readonly number[] | undefined {
  if (axes === undefined || axes === null) return undefined;
  if (!Array.isArray(axes)) {
    throw new TypeError(
      `Cannot use ${
        describe(axes)
      } as axes: ${caller} expects an array of axes or null for reversed`,
    );
  }
  return [...axes];
}

registerOperator("transpose", transpose);
trustBackward(Transpose);
