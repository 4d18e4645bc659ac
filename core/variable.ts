// Variable: a box around a float64 ndarray that remembers the function that
// created it (seed steps 1, 6, 7), so gradients can flow back through it.

import { describe } from "./_describe.ts";
import { formatArray } from "./_format.ts";
import {
  adoptArray,
  type Float64NdArray,
  formatShape,
  sameShape,
  sizeOf,
} from "./_ndarray.ts";
import { CONSTANT, PENDING_GRAD, VERSION } from "./_internal.ts";
import { onesOf, runBackward } from "./_backward.ts";
import { operator } from "./_operators.ts";
import { type Axis, sumArguments, type SumOptions } from "./_sum_arguments.ts";
import { setGradAccess } from "./_grad_access.ts";
import { itemOf } from "./_item_of.ts";
import type { Function, Operand } from "./function.ts";

/**
 * Options of {@linkcode Variable.backward}.
 * @example Keeping an intermediate gradient
 * ```ts
 * import { array, type BackwardOptions, square, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array(3));
 * const h = square(x);
 * const y = square(h);
 * const options: BackwardOptions = { retainGrad: true };
 * y.backward(options);
 * assert.equal(h.grad?.data.get(), 18); // dy/dh = 2h
 * assert.equal(x.grad?.data.get(), 108); // dy/dx = 4x³
 * ```
 */
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

// The backward engine's access to `#grad` (set in Variable's static block).
let readGrad: (x: Variable) => Variable | null;
let writeGrad: (x: Variable, g: Variable | null) => void;

/**
 * Options of the {@linkcode Variable} constructor.
 * @example A named variable
 * ```ts
 * import { array, Variable, type VariableOptions } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const options: VariableOptions = { name: "x" };
 * assert.equal(new Variable(array(1), options).name, "x");
 * assert.equal(new Variable(array(1), "w").name, "w");
 * ```
 */
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
 * assert.equal(String(x), "variable(3.0)");
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
  /** @internal How often `data` was replaced; functions check it. */
  [VERSION] = 0;

  /**
   * Wrap a float64 ndarray (or `null`, a placeholder to be filled later).
   * An ndarray the library did not make (one from `ndarray()` of your own)
   * is checked and wrapped in a view of its own over the same elements.
   *
   * @param data A float64 ndarray, for example from `array(1.0)`, or `null`.
   * @param options An optional `name`, or the name itself as DeZero's
   * `Variable(data, "x")`.
   */
  constructor(
    data: Float64NdArray | null,
    options?: VariableOptions | string,
  ) {
    this.#data = data === null ? null : checkData("Variable", data);
    if (options === undefined || options === null) return;
    const name = typeof options === "string" ? options : options.name;
    if (typeof options !== "string" && typeof options !== "object") {
      throw new TypeError(
        `Cannot use ${
          describe(options)
        } as the options of a Variable: expected a name (string) or { name }`,
      );
    }
    if (name !== undefined && typeof name !== "string") {
      throw new TypeError(
        `Cannot name a Variable ${describe(name)}: expected a string`,
      );
    }
    this.name = name;
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

  /**
   * Replace the data. A function that already used this variable notices:
   * its backward then throws instead of computing a gradient from the new
   * values (a version counter, as PyTorch's).
   */
  set data(value: Float64NdArray) {
    this.#data = checkData("Variable.data", value);
    this[VERSION]++;
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
      value = new Variable(checkData("Variable.grad", value));
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
  backward(options?: BackwardOptions | null): void {
    const { retainGrad, createGraph } = checkBackwardOptions(options);
    if (this.creator === null) {
      this.#grad ??= new Variable(onesOf(this.data.shape));
      return;
    }
    // The seed is this pass's gradient of `this`; with retainGrad it is kept
    // as it is, not added to itself. Without a gradient the seed is ones
    // (null), which the engine makes only if something needs them as an
    // array.
    const before = this.#grad;
    this.#grad = null;
    try {
      runBackward(
        [this],
        [before],
        { createGraph, retainGrad },
        readGrad,
        writeGrad,
      );
    } catch (error) {
      this.#grad = before;
      throw error;
    }
    if (!retainGrad) this.#grad = null;
  }

  /**
   * The single value of a variable with one element, as a number (PyTorch's
   * `item()`): `loss.item()`.
   *
   * @returns The value.
   * @throws {RangeError} If the variable holds more or fewer than one element.
   *
   * @example
   * ```ts
   * import { array, Variable } from "@dezero/core";
   * import assert from "node:assert/strict";
   *
   * assert.equal(new Variable(array([[2.5]])).item(), 2.5);
   * ```
   */
  item(): number {
    return itemOf("Variable.item()", this.data);
  }

  /**
   * A new Variable over the same values with no creator: a constant for
   * whatever is computed from it (PyTorch's `detach()`). The data is shared,
   * not copied; nothing flows back through it.
   *
   * @returns The detached variable.
   *
   * @example
   * ```ts
   * import { array, square, Variable } from "@dezero/core";
   * import assert from "node:assert/strict";
   *
   * const y = square(new Variable(array(3)));
   * const c = y.detach();
   * assert.equal(c.creator, null);
   * assert.equal(c.item(), 9);
   * ```
   */
  detach(): Variable {
    return new Variable(this.data, { name: this.name });
  }

  /**
   * Cut the link to the function that created this variable (DeZero's
   * `unchain`): it becomes a leaf, and a later `backward()` stops here.
   *
   * @example
   * ```ts
   * import { array, square, Variable } from "@dezero/core";
   * import assert from "node:assert/strict";
   *
   * const y = square(new Variable(array(3)));
   * y.unchain();
   * assert.equal(y.creator, null);
   * ```
   */
  unchain(): void {
    this.creator = null;
  }

  /**
   * Cut every creator link upstream of this variable (DeZero's
   * `unchain_backward`), so that the graph behind it can be freed: what
   * truncated backpropagation through time does after each stretch of a
   * sequence. Iterative, so any depth works.
   *
   * @example
   * ```ts
   * import { array, exp, square, Variable } from "@dezero/core";
   * import assert from "node:assert/strict";
   *
   * const x = new Variable(array(1));
   * const h = exp(x);
   * const y = square(h);
   * y.unchainBackward();
   * assert.equal(h.creator, null);
   * assert.notEqual(y.creator, null); // y keeps its own creator, as in DeZero
   * ```
   */
  unchainBackward(): void {
    if (this.creator === null) return;
    const seen = new Set<Function>([this.creator]);
    const stack: Function[] = [this.creator];
    while (stack.length > 0) {
      const f = stack.pop() as Function;
      for (const x of f.inputs) {
        const g = x.creator;
        if (g === null) continue;
        x.unchain();
        if (!seen.has(g)) {
          seen.add(g);
          stack.push(g);
        }
      }
    }
  }

  /** Forget the gradient (DeZero's `cleargrad`), to start a new pass. */
  clearGrad(): void {
    this.#grad = null;
  }

  /** The shape of `data`, for example `[2, 3]`; `[]` for a scalar. */
  get shape(): readonly number[] {
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

  /**
   * The maximum over `axis` (default: all), as {@linkcode max}.
   *
   * @param axis An axis or axes.
   * @param keepdims Keep the reduced axes with size 1.
   */
  max(axis?: number | number[], keepdims = false): Variable {
    return operator("max")(this, { axis, keepdims });
  }

  /**
   * The minimum over `axis` (default: all), as {@linkcode min}.
   *
   * @param axis An axis or axes.
   * @param keepdims Keep the reduced axes with size 1.
   */
  min(axis?: number | number[], keepdims = false): Variable {
    return operator("min")(this, { axis, keepdims });
  }

  /**
   * The mean over `axis` (default: all), as {@linkcode mean}.
   *
   * @param axis An axis or axes.
   * @param keepdims Keep the reduced axes with size 1.
   */
  mean(axis?: number | number[], keepdims = false): Variable {
    return operator("mean")(this, { axis, keepdims });
  }

  /**
   * The values moved into `[min, max]`, as {@linkcode clip}.
   *
   * @param min The lower bound.
   * @param max The upper bound.
   */
  clip(min: number, max: number): Variable {
    return operator("clip")(this, min, max);
  }

  /**
   * NumPy indexing, as {@linkcode getItem}: `x.getItem([0, slice(1, 3)])`.
   *
   * @param index One entry per axis: an integer, a `slice()`, or an array of
   * integers (fancy indexing).
   */
  // deno-lint-ignore no-explicit-any
  getItem(index: any): Variable {
    return operator("getItem")(this, index);
  }

  /**
   * A new axis of length 1 at `axis`, as {@linkcode expandDims}.
   *
   * @param axis Where the new axis goes.
   */
  expandDims(axis: number): Variable {
    return operator("expandDims")(this, axis);
  }

  /**
   * Axes of length 1 removed (all, or the given ones), as
   * {@linkcode squeeze}.
   *
   * @param axis The axis or axes to remove.
   */
  squeeze(axis?: number | number[]): Variable {
    return operator("squeeze")(this, axis);
  }

  /** Every axis but the first flattened into one, as {@linkcode flatten}. */
  flatten(): Variable {
    return operator("flatten")(this);
  }

  /**
   * `variable(<data>)`, as DeZero's `Variable.__repr__` prints a variable:
   * NumPy's `str()` of the data, continuation lines indented under the first
   * (`variable(16.0)`, `variable([1. 2.])`), or `variable(None)` for a
   * placeholder.
   */
  toString(): string {
    if (this.#data === null) return "variable(None)";
    return "variable(" +
      formatArray(this.#data).replaceAll("\n", "\n" + " ".repeat(9)) +
      ")";
  }

  /** Show the same text as `toString()` in Deno's `console.log`. */
  [Symbol.for("Deno.customInspect")](): string {
    return this.toString();
  }

  /** Show the same text as `toString()` in Node's `console.log`. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  #label(): string {
    return this.name === undefined ? "a variable" : `variable "${this.name}"`;
  }

  static {
    readGrad = (x) => x.#grad;
    writeGrad = (x, g) => {
      x.#grad = g;
    };
    setGradAccess(readGrad, writeGrad);
  }
}

function checkBackwardOptions(
  options: BackwardOptions | null | undefined,
): Required<BackwardOptions> {
  if (options === undefined || options === null) {
    return { retainGrad: false, createGraph: false };
  }
  if (typeof options !== "object") {
    throw new TypeError(
      `Cannot use ${
        describe(options)
      } as the options of Variable.backward(): expected { retainGrad?, createGraph? }`,
    );
  }
  for (const key of Object.keys(options)) {
    if (key !== "retainGrad" && key !== "createGraph") {
      throw new TypeError(
        `Cannot use the option "${key}" in Variable.backward(): expected retainGrad or createGraph`,
      );
    }
  }
  const retainGrad = options.retainGrad ?? false;
  const createGraph = options.createGraph ?? false;
  for (
    const [key, value] of [["retainGrad", retainGrad], [
      "createGraph",
      createGraph,
    ]] as const
  ) {
    if (typeof value !== "boolean") {
      throw new TypeError(
        `Cannot set ${key} to ${
          describe(value)
        } in Variable.backward(): expected a boolean`,
      );
    }
  }
  return { retainGrad, createGraph };
}

function checkData(where: string, value: unknown): Float64NdArray {
  const adopted = adoptArray(where, value);
  if (adopted !== undefined) return adopted;
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
