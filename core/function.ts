// Function: the base class of every differentiable operation (seed steps 2, 6,
// 7; book steps 11-13 for several inputs and outputs). `call()` runs
// `forward` on the inputs' data, wraps the results in new Variables and links
// them to this function: the graph is defined by running it.

import { describe } from "./_describe.ts";
import {
  type Float64NdArray,
  formatShape,
  isFloat64NdArray,
  sameShape,
  scalarOf,
} from "./_ndarray.ts";
import { CONSTANT, VISITED, WAITING } from "./_internal.ts";
import { config } from "./config.ts";
import { Variable } from "./variable.ts";

/** What a function accepts as an input: a Variable, a number or an array. */
export type Operand = Variable | number | Float64NdArray;

/**
 * The base class of differentiable functions. A subclass implements
 * `forward` (on ndarrays) and `backward` (the gradients of its inputs, given
 * the gradients of its outputs); `call` and `apply` do the rest.
 *
 * @example A function of your own
 * ```ts
 * import { array, type Float64NdArray, Function, map, Variable, zipWith } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * class Cube extends Function {
 *   forward(x: Float64NdArray): Float64NdArray {
 *     return map(x, (v) => v ** 3);
 *   }
 *   backward(gy: Float64NdArray): Float64NdArray {
 *     return zipWith(this.inputs[0].data, gy, (x, g) => 3 * x ** 2 * g);
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
  /** @internal Bookkeeping of `backward()`: the run that last visited it. */
  [VISITED] = 0;
  /** @internal Bookkeeping of `backward()`: gradients still to arrive. */
  [WAITING] = 0;

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
   * Apply a function with one output. Numbers and arrays are wrapped in
   * Variables first, so `new Mul().call(x, 2)` works.
   *
   * @param inputs The inputs.
   * @returns The output variable.
   */
  call(...inputs: Operand[]): Variable {
    const outputs = this.#run(inputs);
    if (outputs.length !== 1) {
      throw new TypeError(
        `Cannot return ${outputs.length} outputs from ${this.name}.call: use apply() for functions with several outputs`,
      );
    }
    return outputs[0];
  }

  /**
   * Apply the function: compute on the inputs' data, wrap each result in a
   * Variable whose creator is this function, and remember inputs and
   * outputs (unless backprop is disabled, see `noGrad`).
   *
   * @param inputs The inputs; numbers and arrays are wrapped in Variables.
   * @returns The output variables.
   */
  apply(...inputs: Operand[]): Variable[] {
    return this.#run(inputs);
  }

  // The one path of call() and apply(). `inputs` is the caller's fresh rest
  // array, so it is turned into the list of input Variables in place.
  #run(inputs: Operand[]): Variable[] {
    if (this.outputs.length > 0) {
      throw new Error(
        `Cannot call ${this.name} twice: a Function instance is one node of the graph; create a new instance for each call`,
      );
    }
    const arity = inputs.length;
    for (let i = 0; i < arity; i++) {
      inputs[i] = asVariable(this.name, inputs[i], i);
    }
    const variables = inputs as Variable[];
    // Direct calls for the common arities: a spread call costs more than
    // the arithmetic of a scalar operation.
    const ys = arity === 1
      ? this.forward(variables[0].data)
      : arity === 2
      ? this.forward(variables[0].data, variables[1].data)
      : this.forward(...variables.map((x) => x.data));
    let outputs: Variable[];
    if (Array.isArray(ys)) {
      outputs = new Array<Variable>(ys.length);
      for (let i = 0; i < ys.length; i++) {
        outputs[i] = new Variable(checkOutput(this.name, ys[i], i));
      }
    } else {
      outputs = [new Variable(checkOutput(this.name, ys, -1))];
    }
    if (config.enableBackprop) {
      for (let i = 0; i < outputs.length; i++) outputs[i].creator = this;
      this.inputs = variables;
      this.outputs = outputs;
    }
    return outputs;
  }

  /**
   * Compute the outputs' data from the inputs' data. Must not modify its
   * arguments.
   *
   * @param xs The inputs' data.
   * @returns The output's data, or an array with one per output.
   */
  abstract forward(...xs: Float64NdArray[]): Float64NdArray | Float64NdArray[];

  /**
   * Compute the gradients of the inputs from the gradients of the outputs:
   * each local derivative times the incoming gradient. Must not modify its
   * arguments.
   *
   * @param gys The gradients of the outputs, one per output.
   * @returns The gradient of each input, with that input's shape (a single
   * array for a function of one input).
   */
  abstract backward(
    ...gys: Float64NdArray[]
  ): Float64NdArray | Float64NdArray[];

  /**
   * Run `backward` and check what it returns: one float64 ndarray per input,
   * each with the shape of its input, so a gradient-shape bug names its
   * function.
   *
   * @param gys The gradients of the outputs.
   * @returns The gradients of the inputs.
   */
  checkedBackward(gys: Float64NdArray[]): Float64NdArray[] {
    const result = gys.length === 1
      ? this.backward(gys[0])
      : this.backward(...gys);
    const gxs = Array.isArray(result) ? result : [result];
    if (gxs.length !== this.inputs.length) {
      throw new TypeError(
        `Cannot use the result of ${this.name}.backward: expected ${this.inputs.length} gradient(s), one per input, got ${gxs.length}`,
      );
    }
    for (let i = 0; i < gxs.length; i++) {
      const gx = gxs[i];
      if (!isFloat64NdArray(gx)) {
        throw new TypeError(
          `Cannot use the result of ${this.name}.backward: expected a float64 ndarray as the gradient of input ${i}, got ${
            describe(gx)
          }`,
        );
      }
      const x = this.inputs[i].data;
      if (!sameShape(gx.shape, x.shape)) {
        throw new TypeError(
          `Cannot use the result of ${this.name}.backward: the gradient of input ${i} has shape ${
            formatShape(gx.shape)
          }, expected the input's shape ${formatShape(x.shape)}`,
        );
      }
    }
    return gxs;
  }
}

/** A forward result that is a float64 ndarray, or a TypeError. */
function checkOutput(
  caller: string,
  y: unknown,
  index: number,
): Float64NdArray {
  if (isFloat64NdArray(y)) return y;
  throw new TypeError(
    `Cannot use the result of ${caller}.forward: expected a float64 ndarray${
      index >= 0 ? ` as output ${index}` : ""
    }, got ${describe(y)}`,
  );
}

/** Wrap a number or array as a Variable; pass Variables through. */
function asVariable(caller: string, value: Operand, index: number): Variable {
  if (value instanceof Variable) return value;
  if (typeof value === "number") {
    const constant = new Variable(scalarOf(value));
    constant[CONSTANT] = true;
    return constant;
  }
  if (isFloat64NdArray(value)) return new Variable(value);
  throw new TypeError(
    `Cannot call ${caller} on ${
      describe(value)
    }: input ${index} must be a Variable, a number or a float64 ndarray`,
  );
}
