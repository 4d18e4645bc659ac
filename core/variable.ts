// Variable: a box around a float64 ndarray that remembers the function that
// created it (seed steps 1, 6, 7), so gradients can flow back through it.

import { describe } from "./_describe.ts";
import {
  ensurePrinting,
  type Float64NdArray,
  formatArray,
  formatShape,
  isFloat64NdArray,
  sameShape,
  sizeOf,
  zerosOf,
} from "./_ndarray.ts";
import { CONSTANT, PENDING_GRAD, VISITED, WAITING } from "./_internal.ts";
import { operator } from "./_operators.ts";
import { type Axis, sumArguments, type SumOptions } from "./_sum_arguments.ts";
import { config } from "./config.ts";
import type { Function, Operand } from "./function.ts";

/** Options of {@linkcode Variable.backward}. */
export interface BackwardOptions {
  /**
   * Keep the gradients of intermediate variables too (default `false`: only
   * variables without a creator, the leaves, keep theirs; the others are
   * freed as soon as they have been used).
   */
  retainGrad?: boolean;
  /**
   * Record the graph of the gradient computation itself (default `false`),
   * so that the gradients can be differentiated again: second and higher
   * derivatives, double backprop. Costs nothing when off.
   */
  createGraph?: boolean;
}

let backwardRuns = 0;

/** Options of the {@linkcode Variable} constructor. */
export interface VariableOptions {
  /** A name shown in graph pictures and error messages. */
  name?: string;
}

/**
 * A node of the computational graph: data, the gradient of some output with
 * respect to it, and the function that created it.
 *
 * @example Gradient of y = x² at x = 3
 * ```ts
 * import { array, square, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array(3));
 * const y = square(x);
 * y.backward();
 * assert.equal(y.data.get(), 9);
 * assert.equal(x.grad?.data.get(), 6);
 * assert.equal(String(x), "variable(3)");
 * ```
 */
export class Variable {
  #data: Float64NdArray | null;
  #grad: Variable | null = null;
  /** The function whose output this is, or `null` for a user-made variable. */
  creator: Function | null = null;
  /** An optional name, shown when the variable is printed in a graph. */
  name: string | undefined;
  /** @internal Bookkeeping of `backward()`: the gradient collected so far. */
  [PENDING_GRAD]: Variable | null = null;
  /** @internal Made from a number operand: its gradient is not kept. */
  [CONSTANT] = false;

  /**
   * Wrap a float64 ndarray (or `null`, a placeholder to be filled later).
   *
   * @param data A float64 ndarray, for example from `array(1.0)`, or `null`.
   * @param options An optional `name`.
   */
  constructor(data: Float64NdArray | null, options?: VariableOptions) {
    if (data !== null) checkData("Variable", data);
    this.#data = data;
    this.name = options?.name;
  }

  /** The values this variable holds. Throws if it is a `null` placeholder. */
  get data(): Float64NdArray {
    if (this.#data === null) {
      throw new TypeError(
        `Cannot read the data of ${this.#label()}: it was created with null; assign an array to .data first`,
      );
    }
    return this.#data;
  }

  set data(value: Float64NdArray) {
    checkData("Variable.data", value);
    this.#data = value;
  }

  /** Whether the variable holds data (it does unless created with `null`). */
  get hasData(): boolean {
    return this.#data !== null;
  }

  /**
   * The gradient left by the last `backward()`, a Variable with the shape of
   * `data`, or `null` before any. It may be assigned a Variable or, for
   * convenience, a float64 ndarray (wrapped in a new Variable).
   */
  get grad(): Variable | null {
    return this.#grad;
  }

  set grad(value: Variable | Float64NdArray | null) {
    if (value !== null && !(value instanceof Variable)) {
      checkData("Variable.grad", value);
      value = new Variable(value);
    }
    if (
      value !== null && this.#data !== null &&
      !sameShape(value.data.shape, this.#data.shape)
    ) {
      throw new TypeError(
        `Cannot set the gradient of ${this.#label()}: expected shape ${
          formatShape(this.#data.shape)
        }, got ${formatShape(value.data.shape)}`,
      );
    }
    this.#grad = value;
  }

  /**
   * Record the function that created this variable (seed step 7).
   *
   * @param func The creating function.
   */
  setCreator(func: Function): void {
    this.creator = func;
  }

  /**
   * Propagate gradients from this variable back to every variable it was
   * computed from, and add them to their `grad`. The starting gradient is
   * `grad` if set, otherwise ones of this variable's shape.
   *
   * Every function runs its backward once, after all the gradients flowing
   * into its outputs have arrived, so shared sub-expressions and reused
   * variables get the sum of all their paths. The walk is a loop (no
   * recursion, so graphs of any depth work) and costs O(nodes + edges).
   *
   * Gradients accumulate: calling `backward()` twice without
   * {@linkcode Variable.clearGrad} adds the second pass to the first, as in
   * DeZero and PyTorch. If a function's backward throws, no variable's
   * `grad` is changed.
   *
   * With `createGraph`, the gradients are computed with the graph recorded,
   * so `x.grad.backward()` differentiates again (clear `x`'s gradient first,
   * or the second pass adds to the first).
   *
   * @param options `retainGrad` keeps intermediate gradients; `createGraph`
   * records the gradient's graph for higher-order derivatives.
   */
  backward(options: BackwardOptions = {}): void {
    const retainGrad = options.retainGrad ?? false;
    const createGraph = options.createGraph ?? false;
    const seed = this.#grad ?? new Variable(ones(this.data.shape));
    const creator = this.creator;
    if (creator === null) {
      this.#grad = seed;
      return;
    }
    const run = ++backwardRuns;

    // Count, for every function upstream, the gradients it waits for: one per
    // use of one of its outputs by another function in this graph.
    creator[VISITED] = run;
    creator[WAITING] = 0;
    const stack: Function[] = [creator];
    while (stack.length > 0) {
      const f = stack.pop() as Function;
      const inputs = f.inputs;
      for (let i = 0; i < inputs.length; i++) {
        const g = inputs[i].creator;
        if (g === null) continue;
        if (g[VISITED] !== run) {
          g[VISITED] = run;
          g[WAITING] = 0;
          stack.push(g);
        }
        g[WAITING]++;
      }
    }

    // Run each function once all its outputs' gradients are in. The
    // gradient computation records a graph only when createGraph is asked.
    const touched: Variable[] = [this];
    const retained: [Variable, Variable][] = [];
    this[PENDING_GRAD] = seed;
    const ready: Function[] = [creator];
    const enableBackprop = config.enableBackprop;
    config.enableBackprop = createGraph;
    try {
      while (ready.length > 0) {
        const f = ready.pop() as Function;
        const outputs = f.outputs;
        const gys = new Array<Variable>(outputs.length);
        for (let i = 0; i < outputs.length; i++) {
          const y = outputs[i];
          gys[i] = y[PENDING_GRAD] ??
            new Variable(zerosOf(y.data.shape));
          if (retainGrad) retained.push([y, gys[i]]);
          y[PENDING_GRAD] = null;
        }
        const gxs = f.checkedBackward(gys, createGraph);
        const inputs = f.inputs;
        for (let i = 0; i < inputs.length; i++) {
          const x = inputs[i];
          const gx = gxs[i];
          if (gx !== null) {
            const pending = x[PENDING_GRAD];
            if (pending === null) {
              x[PENDING_GRAD] = gx;
              touched.push(x);
            } else {
              x[PENDING_GRAD] = operator("add")(pending, gx);
            }
          }
          const g = x.creator;
          if (g !== null && --g[WAITING] === 0) ready.push(g);
        }
      }
      // Commit: leaves add what they received to their grad. Constants made
      // from number operands (`mul(x, 2)`) are nobody's to read: drop theirs.
      for (const x of touched) {
        const pending = x[PENDING_GRAD];
        if (pending === null) continue;
        x[PENDING_GRAD] = null;
        if (x[CONSTANT]) continue;
        x.#grad = x.#grad === null
          ? pending
          : operator("add")(x.#grad, pending);
      }
    } catch (error) {
      for (const x of touched) x[PENDING_GRAD] = null;
      throw error;
    } finally {
      config.enableBackprop = enableBackprop;
    }
    this.#grad = null;
    for (const [y, g] of retained) y.#grad = g;
  }

  /** Forget the gradient (DeZero's `cleargrad`), to start a new pass. */
  clearGrad(): void {
    this.#grad = null;
  }

  /** The shape of `data`, for example `[2, 3]`; `[]` for a scalar. */
  get shape(): number[] {
    return this.data.shape;
  }

  /** The number of dimensions of `data`. */
  get ndim(): number {
    return this.data.shape.length;
  }

  /** The number of elements of `data`. */
  get size(): number {
    return sizeOf(this.data.shape);
  }

  /** The element type, always `"float64"`. */
  get dtype(): "float64" {
    return "float64";
  }

  /** The length of the first axis, as Python's `len()`. */
  get length(): number {
    const shape = this.data.shape;
    if (shape.length === 0) {
      throw new TypeError(
        `Cannot take the length of ${this.#label()}: it is 0-d (shape [])`,
      );
    }
    return shape[0];
  }

  /** `this + other`, elementwise. */
  add(other: Operand): Variable {
    return operator("add")(this, other);
  }

  /** `this - other`, elementwise. */
  sub(other: Operand): Variable {
    return operator("sub")(this, other);
  }

  /** `this * other`, elementwise. */
  mul(other: Operand): Variable {
    return operator("mul")(this, other);
  }

  /** `this / other`, elementwise. */
  div(other: Operand): Variable {
    return operator("div")(this, other);
  }

  /** `-this`. */
  neg(): Variable {
    return operator("neg")(this);
  }

  /** `this ** c` for a constant number `c`. */
  pow(c: number): Variable {
    return operator("pow")(this, c);
  }

  /** `this ** 2`. */
  square(): Variable {
    return operator("square")(this);
  }

  /** `e ** this`. */
  exp(): Variable {
    return operator("exp")(this);
  }

  /** The natural logarithm, elementwise. */
  log(): Variable {
    return operator("log")(this);
  }

  /** The sine, elementwise. */
  sin(): Variable {
    return operator("sin")(this);
  }

  /** The cosine, elementwise. */
  cos(): Variable {
    return operator("cos")(this);
  }

  /** The hyperbolic tangent, elementwise. */
  tanh(): Variable {
    return operator("tanh")(this);
  }

  /**
   * The same data in a new shape (one dimension may be `-1`), given as
   * numbers (`x.reshape(2, 3)`) or as one array (`x.reshape([2, 3])`).
   *
   * @param shape The new shape.
   */
  reshape(...shape: number[] | [readonly number[]]): Variable {
    const dims = Array.isArray(shape[0]) ? shape[0] : shape as number[];
    return operator("reshape")(this, dims);
  }

  /**
   * Permute the axes (default: reverse them), given as numbers
   * (`x.transpose(1, 0)`) or as one array (`x.transpose([1, 0])`).
   *
   * @param axes A permutation of the axes.
   */
  transpose(...axes: number[] | [readonly number[]]): Variable {
    const order = Array.isArray(axes[0]) ? axes[0] : axes as number[];
    return operator("transpose")(this, order.length === 0 ? undefined : order);
  }

  /** The transpose: axes reversed. */
  get T(): Variable {
    return operator("transpose")(this, undefined);
  }

  /**
   * Sum over `axis` (default: all), keeping the summed axes as size 1 when
   * `keepdims`: `x.sum(0)`, `x.sum([0, 1])`, `x.sum(-1, true)`, or
   * `x.sum({ axis: 0, keepdims: true })`. `null` means all axes. Anything
   * else is a TypeError naming `Variable.sum()`.
   *
   * @param axis An axis, an array of axes, `null` for all, or options
   * `{ axis, keepdims }`.
   * @param keepdims Keep the summed axes with size 1 (default `false`).
   */
  sum(axis?: Axis | SumOptions, keepdims?: boolean | null): Variable {
    const checked = sumArguments("Variable.sum()", axis, keepdims);
    return operator("sum")(this, checked);
  }

  /**
   * Broadcast to `shape` (NumPy rules).
   *
   * @param shape The target shape.
   */
  broadcastTo(shape: readonly number[]): Variable {
    return operator("broadcastTo")(this, shape);
  }

  /**
   * Sum down to `shape`, the inverse of broadcasting.
   *
   * @param shape The target shape.
   */
  sumTo(shape: readonly number[]): Variable {
    return operator("sumTo")(this, shape);
  }

  /**
   * The matrix product `this · other`.
   *
   * @param other The right operand.
   */
  matmul(other: Operand): Variable {
    return operator("matmul")(this, other);
  }

  /** `variable(<data>)`, as DeZero prints a variable. */
  toString(): string {
    if (this.#data === null) return "variable(null)";
    ensurePrinting(this.#data);
    return "variable(" +
      formatArray(this.#data).replaceAll("\n", "\n         ") +
      ")";
  }

  /** Show the same text as `toString()` in `console.log`. */
  [Symbol.for("Deno.customInspect")](): string {
    return this.toString();
  }

  #label(): string {
    return this.name === undefined ? "a variable" : `variable "${this.name}"`;
  }
}

function ones(shape: readonly number[]): Float64NdArray {
  const out = zerosOf(shape);
  out.data.fill(1, out.offset, out.offset + sizeOf(shape));
  return out;
}

function checkData(where: string, value: unknown): void {
  if (isFloat64NdArray(value)) {
    ensurePrinting(value);
    return;
  }
  const hint = typeof value === "number"
    ? `wrap it first: ${
      where === "Variable"
        ? "new Variable(array(" + value + "))"
        : "array(" + value + ")"
    }`
    : "build one with array(), for example array([1, 2, 3])";
  throw new TypeError(
    `Cannot use ${describe(value)} as ${
      where === "Variable" ? "the data of a Variable" : where
    }: expected a float64 ndarray; ${hint}`,
  );
}
