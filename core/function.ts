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
} from "./_ndarray.ts";
import {
  CONSTANT,
  INPUT_VERSIONS,
  TRUSTED_BACKWARD,
  VERSION,
  VISITED,
  WAITING,
} from "./_internal.ts";
import { isTrustedPrototype } from "./_grad_memory.ts";
import { toVariable } from "./_to_variable.ts";
import { config } from "./config.ts";
import { Variable } from "./variable.ts";

const classNames = new WeakMap<object, string>();

/** Whether `f` itself (not its class) was given one of the backward methods. */
function hasOwnBackward(f: object): boolean {
  return Object.hasOwn(f, "backward") || Object.hasOwn(f, "backwardData") ||
    Object.hasOwn(f, "backwardList");
}

/**
 * The object on `f`'s prototype chain, `f` itself included, that defines
 * `method`, or `undefined` if none does.
 */
function definer(
  f: object,
  method: string,
): { backward?: unknown } | undefined {
  for (let o: object | null = f; o !== null; o = Object.getPrototypeOf(o)) {
    if (Object.hasOwn(o, method)) return o;
  }
  return undefined;
}
const fusedBackward = new WeakMap<object, boolean>();
const trustedBackward = new WeakMap<object, boolean>();

/**
 * What a function accepts as an input: a Variable, a number or an array.
 * @example Numbers and arrays are wrapped as constants
 * ```ts
 * import { add, array, type Operand, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array(2));
 * const operands: Operand[] = [3, array(3), new Variable(array(3))];
 * for (const b of operands) assert.equal(add(x, b).data.get(), 5);
 * ```
 */
export type Operand = Variable | number | Float64NdArray;

/**
 * The base class of differentiable functions. A subclass implements
 * `forward` (on ndarrays) and `backward` (the gradients of its inputs, given
 * the gradients of its outputs); `call` and `apply` do the rest.
 *
 * @example A function of your own
 * ```ts
 * import { array, type Float64NdArray, Function, map, mul, square, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * class Cube extends Function {
 *   forward(x: Float64NdArray): Float64NdArray {
 *     return map(x, (v) => v ** 3);
 *   }
 *   backward(gy: Variable): Variable {
 *     return mul(gy, mul(3, square(this.inputs[0])));
 *   }
 * }
 *
 * const x = new Variable(array(2));
 * const y = new Cube().call(x);
 * y.backward();
 * assert.equal(y.data.get(), 8);
 * assert.equal(x.grad?.data.get(), 12);
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
  /** @internal The sum of the inputs' data versions when it ran. */
  [INPUT_VERSIONS] = 0;

  /**
   * How many trailing inputs of `forward` may be left out (default 0), for a
   * function such as `linear(x, W, b?)`. `call` checks the number of inputs
   * against `forward`'s parameters: all of them are required but these; a
   * `forward(...xs)` with rest parameters takes one or more.
   */
  get optionalInputs(): number {
    return 0;
  }

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
    // `constructor.name` is an API getter that costs more than a scalar
    // operation, and kernels take the name on every call for their error
    // messages: look it up once per class.
    const ctor = this.constructor;
    let name = classNames.get(ctor);
    if (name === undefined) {
      name = ctor.name;
      classNames.set(ctor, name);
    }
    return name;
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

  /**
   * `apply` with the inputs as one array, for functions of thousands of
   * inputs: JavaScript limits how many arguments a call can spread (about
   * 100,000, fewer deep in the stack). Such a function implements
   * {@linkcode Function.forwardList} (and `backwardList` for many outputs).
   *
   * @param inputs The inputs.
   * @returns The output variables.
   */
  applyList(inputs: readonly Operand[]): Variable[] {
    if (!Array.isArray(inputs)) {
      throw new TypeError(
        `Cannot call ${this.name}.applyList on ${
          describe(inputs)
        }: expected an array of inputs`,
      );
    }
    return this.#run(inputs.slice());
  }

  /**
   * Optional: `forward` taking the inputs' data as one array. When a subclass
   * defines it, `call`/`apply` use it instead of spreading the inputs into
   * `forward`, so any number of inputs works.
   */
  forwardList?(xs: Float64NdArray[]): Float64NdArray | Float64NdArray[];

  /**
   * Optional: the first-order backward on plain arrays, fused into as few
   * passes as the math needs. When defined, a `backward()` without
   * `createGraph` calls it instead of `backward` (no graph is recorded then,
   * so nothing is lost), which saves the temporaries and Function objects of
   * a backward written with Variable functions. It must compute exactly what
   * `backward` computes; the built-in functions' tests check both.
   */
  backwardData?(
    ...gys: Float64NdArray[]
  ): Float64NdArray | null | (Float64NdArray | null)[];

  /**
   * Optional: `backward` taking the outputs' gradients as one array, used
   * instead of `backward` when defined, so any number of outputs works.
   */
  backwardList?(
    gys: Variable[],
  ): Variable | Float64NdArray | null | (Variable | Float64NdArray | null)[];

  // The one path of call() and apply(). `inputs` is the caller's fresh rest
  // array, so it is turned into the list of input Variables in place.
  #run(inputs: Operand[]): Variable[] {
    if (this.outputs.length > 0) {
      throw new Error(
        `Cannot call ${this.name} twice: a Function instance is one node of the graph; create a new instance for each call`,
      );
    }
    const arity = inputs.length;
    const forward = this.forward;
    const forwardList = this.forwardList;
    if (typeof forward !== "function" && typeof forwardList !== "function") {
      throw new TypeError(
        `Cannot call ${this.name}: it has no forward method; a Function subclass implements forward(...xs) and backward(...gys)`,
      );
    }
    const declared = forwardList !== undefined ? 0 : forward.length;
    if (
      declared === 0
        ? arity === 0
        : arity > declared || arity < declared - this.optionalInputs
    ) {
      throw new TypeError(
        `Cannot call ${this.name} with ${arity} input(s): its forward takes ${
          declared === 0
            ? "one or more"
            : this.optionalInputs === 0
            ? declared
            : `${declared - this.optionalInputs} to ${declared}`
        }`,
      );
    }
    let versions = 0;
    for (let i = 0; i < arity; i++) {
      const input = inputs[i];
      if (!(input instanceof Variable)) {
        inputs[i] = toVariable(this.name, input, i);
      } else {
        versions += input[VERSION];
      }
    }
    const variables = inputs as Variable[];
    // Direct calls for the common arities: a spread call costs more than
    // the arithmetic of a scalar operation.
    const ys = forwardList !== undefined
      ? forwardList.call(this, variables.map((x) => x.data))
      : arity === 1
      ? this.forward(variables[0].data)
      : arity === 2
      ? this.forward(variables[0].data, variables[1].data)
      : this.forward(...variables.map((x) => x.data));
    let outputs: Variable[];
    if (Array.isArray(ys)) {
      outputs = new Array<Variable>(ys.length);
      for (let i = 0; i < ys.length; i++) {
        outputs[i] = new Variable(checkOutput(this, ys[i], i));
      }
    } else {
      outputs = [new Variable(checkOutput(this, ys, -1))];
    }
    if (config.enableBackprop) {
      for (let i = 0; i < outputs.length; i++) outputs[i].creator = this;
      this.inputs = variables;
      this.outputs = outputs;
      this[INPUT_VERSIONS] = versions;
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
  abstract forward(
    ...xs: Float64NdArray[]
  ): Float64NdArray | Float64NdArray[];

  /**
   * Compute the gradients of the inputs from the gradients of the outputs:
   * each local derivative times the incoming gradient. Write it with
   * Variable functions (`mul(gy, x)`, ...) so that `backward({ createGraph:
   * true })` can differentiate it again; the inputs are `this.inputs`, the
   * outputs `this.outputs`. Must not modify its arguments.
   *
   * @param gys The gradients of the outputs, one per output.
   * @returns The gradient of each input, with that input's shape (a single
   * one for a function of one input), or `null` for an input that needs none
   * (see {@linkcode Function.needsInputGrad}). A plain float64 ndarray is
   * accepted for first derivatives only.
   */
  abstract backward(
    ...gys: Variable[]
  ): Variable | Float64NdArray | null | (Variable | Float64NdArray | null)[];

  /**
   * Whether input `index` needs a gradient: `false` for the constants made
   * from number and array operands (`mul(x, 2)`, `linear(batch, W, b)` with
   * a plain ndarray batch), whose gradient nobody reads. A
   * backward may return `null` for such an input and save the work, as
   * PyTorch's `ctx.needs_input_grad` allows.
   *
   * @param index The input's position.
   * @returns Whether its gradient is used.
   */
  needsInputGrad(index: number): boolean {
    return !this.inputs[index][CONSTANT];
  }

  /**
   * Run `backward` and check what it returns: one gradient per input, each
   * with the shape of its input, so a gradient-shape bug names its function.
   * A gradient returned as a plain float64 ndarray is wrapped in a Variable,
   * except when `createGraph` asks for the gradient's graph, which an ndarray
   * cannot carry.
   *
   * @param gys The gradients of the outputs.
   * @param createGraph Whether the gradient's graph is being recorded.
   * @returns The gradients of the inputs (`null` where none is needed).
   */
  checkedBackward(
    gys: Variable[],
    createGraph = false,
  ): (Variable | null)[] {
    const fused = this.backwardData;
    if (!createGraph && fused !== undefined && this.#fusedBackwardApplies()) {
      const result = gys.length === 1
        ? fused.call(this, gys[0].data)
        : fused.apply(this, gys.map((gy) => gy.data));
      return this.#checkGradients(result, false);
    }
    if (this.backwardList !== undefined) {
      return this.#checkGradients(this.backwardList(gys), createGraph);
    }
    if (typeof this.backward !== "function") {
      throw new TypeError(
        `Cannot run the backward of ${this.name}: it has no backward method; a Function subclass implements backward(...gys)`,
      );
    }
    const result = gys.length === 1
      ? this.backward(gys[0])
      : this.backward(...gys);
    return this.#checkGradients(result, createGraph);
  }

  // backwardData stands in for backward only where the same class defines
  // both: a subclass that overrides backward (class MySquare extends Square)
  // gets its own backward, not its parent's fused one. Decided once per class.
  // An instance given a backward or backwardData of its own is decided
  // alone, so that it cannot settle the question for its whole class.
  #fusedBackwardApplies(): boolean {
    if (this.backwardData === undefined) return false;
    const ownMethods = hasOwnBackward(this);
    const ctor = this.constructor;
    let applies = ownMethods ? undefined : fusedBackward.get(ctor);
    if (applies === undefined) {
      applies = definer(this, "backwardData")?.backward === this.backward;
      if (!ownMethods) fusedBackward.set(ctor, applies);
    }
    return applies;
  }

  /**
   * @internal For the backward engine: whether the backward that a pass
   * without `createGraph` runs for this function is one of the library's own,
   * which keeps the promises listed in `core/_grad_memory.ts` (so the engine
   * may hand it the all-ones seed as a view and let it write into a gradient
   * nobody else holds). A subclass that overrides that backward, or an
   * instance given its own, is not trusted.
   */
  [TRUSTED_BACKWARD](): boolean {
    if (hasOwnBackward(this)) return false;
    const ctor = this.constructor;
    let trusted = trustedBackward.get(ctor);
    if (trusted === undefined) {
      const owner = definer(
        this,
        this.#fusedBackwardApplies()
          ? "backwardData"
          : this.backwardList !== undefined
          ? "backwardList"
          : "backward",
      );
      trusted = owner !== undefined && isTrustedPrototype(owner);
      trustedBackward.set(ctor, trusted);
    }
    return trusted;
  }

  #checkGradients(result: unknown, createGraph: boolean): (Variable | null)[] {
    const gxs: unknown[] = Array.isArray(result) ? result : [result];
    if (gxs.length !== this.inputs.length) {
      throw new TypeError(
        `Cannot use the result of ${this.name}.backward: expected ${this.inputs.length} gradient(s), one per input, got ${gxs.length}`,
      );
    }
    for (let i = 0; i < gxs.length; i++) {
      const gx = gxs[i];
      if (gx === null) {
        if (this.needsInputGrad(i)) {
          throw new TypeError(
            `Cannot use the result of ${this.name}.backward: it returned null for input ${i}, which needs a gradient`,
          );
        }
        continue;
      }
      if (!(gx instanceof Variable)) {
        if (!isFloat64NdArray(gx)) {
          throw new TypeError(
            `Cannot use the result of ${this.name}.backward: expected a Variable as the gradient of input ${i}, got ${
              describe(gx)
            }`,
          );
        }
        if (createGraph) {
          throw new TypeError(
            `Cannot create the graph of the gradient: ${this.name}.backward returned a float64 ndarray for input ${i}, which carries no graph; write its backward with Variable functions (mul, add, ...)`,
          );
        }
        gxs[i] = new Variable(gx);
      }
      const shape = (gxs[i] as Variable).data.shape;
      const x = this.inputs[i].data;
      if (!sameShape(shape, x.shape)) {
        throw new TypeError(
          `Cannot use the result of ${this.name}.backward: the gradient of input ${i} has shape ${
            formatShape(shape)
          }, expected the input's shape ${formatShape(x.shape)}`,
        );
      }
    }
    return gxs as (Variable | null)[];
  }
}

/** A forward result that is a float64 ndarray, or a TypeError. */
function checkOutput(
  caller: Function,
  y: unknown,
  index: number,
): Float64NdArray {
  if (isFloat64NdArray(y)) return y;
  throw new TypeError(
    `Cannot use the result of ${caller.name}.forward: expected a float64 ndarray${
      index >= 0 ? ` as output ${index}` : ""
    }, got ${describe(y)}`,
  );
}
