// Function: the base class of every differentiable operation (seed steps 2, 6,
// 7). `call()` runs `forward` on the inputs' data, wraps the result in a new
// Variable and links it to this function: the graph is defined by running it.

import { describe } from "./_describe.ts";
import {
  type Float64NdArray,
  formatShape,
  isFloat64NdArray,
  sameShape,
} from "./_ndarray.ts";
import { Variable } from "./variable.ts";

/**
 * The base class of differentiable functions. A subclass implements
 * `forward` (on ndarrays) and `backward` (the gradient of its inputs, given
 * the gradient of its output); `call` does the rest.
 *
 * @example A function of your own
 * ```ts
 * import { array, type Float64NdArray, Function, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * class Cube extends Function {
 *   forward(x: Float64NdArray): Float64NdArray {
 *     return array(x.get() ** 3);
 *   }
 *   backward(gy: Float64NdArray): Float64NdArray {
 *     const x = this.inputs[0].data.get();
 *     return array(3 * x ** 2 * gy.get());
 *   }
 * }
 *
 * const x = new Variable(array(2));
 * const y = new Cube().call(x);
 * y.backward();
 * assert.equal(y.data.get(), 8);
 * assert.equal(x.grad?.get(), 12);
 * ```
 */
export abstract class Function {
  /** The variables this function was called on (empty until called). */
  inputs: Variable[] = [];
  /** The variables this function produced (empty until called). */
  outputs: Variable[] = [];

  /** The first input, as the book's `f.input`. */
  get input(): Variable {
    return this.inputs[0];
  }

  /** The first output, as the book's `f.output`. */
  get output(): Variable {
    return this.outputs[0];
  }

  /** The function's name in messages: its class name. */
  get name(): string {
    return this.constructor.name;
  }

  /**
   * Apply the function: compute on the inputs' data, wrap the result in a
   * Variable whose creator is this function, and remember inputs and output.
   *
   * @param inputs The input variables.
   * @returns The output variable.
   */
  call(...inputs: Variable[]): Variable {
    if (this.outputs.length > 0) {
      throw new Error(
        `Cannot call ${this.name} twice: a Function instance is one node of the graph; create a new instance for each call`,
      );
    }
    for (let i = 0; i < inputs.length; i++) {
      if (!(inputs[i] instanceof Variable)) {
        throw new TypeError(
          `Cannot call ${this.name} on ${
            describe(inputs[i])
          }: input ${i} must be a Variable`,
        );
      }
    }
    const xs = inputs.map((input) => input.data);
    const y = this.forward(...xs);
    if (!isFloat64NdArray(y)) {
      throw new TypeError(
        `Cannot use the result of ${this.name}.forward: expected a float64 ndarray, got ${
          describe(y)
        }`,
      );
    }
    const output = new Variable(y);
    output.setCreator(this);
    this.inputs = inputs;
    this.outputs = [output];
    return output;
  }

  /**
   * Compute the outputs' data from the inputs' data. Must not modify its
   * arguments.
   *
   * @param xs The inputs' data.
   * @returns The output's data.
   */
  abstract forward(...xs: Float64NdArray[]): Float64NdArray;

  /**
   * Compute the gradient of the input from the gradient of the output: the
   * local derivative times `gy`. Must not modify its arguments.
   *
   * @param gy The gradient of the output.
   * @returns The gradient of the input, with the input's shape.
   */
  abstract backward(gy: Float64NdArray): Float64NdArray;

  /**
   * Run `backward` and check what it returns: a float64 ndarray with the
   * shape of the input, so a gradient-shape bug names its function.
   *
   * @param gy The gradient of the output.
   * @returns The gradient of the input.
   */
  checkedBackward(gy: Float64NdArray): Float64NdArray {
    const gx = this.backward(gy);
    const x = this.inputs[0].data;
    if (!isFloat64NdArray(gx)) {
      throw new TypeError(
        `Cannot use the result of ${this.name}.backward: expected a float64 ndarray, got ${
          describe(gx)
        }`,
      );
    }
    if (!sameShape(gx.shape, x.shape)) {
      throw new TypeError(
        `Cannot use the result of ${this.name}.backward: the gradient of input 0 has shape ${
          formatShape(gx.shape)
        }, expected the input's shape ${formatShape(x.shape)}`,
      );
    }
    return gx;
  }
}
