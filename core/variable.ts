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
  zerosOf,
} from "./_ndarray.ts";
import type { Function } from "./function.ts";

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
 * assert.equal(x.grad?.get(), 6);
 * assert.equal(String(x), "variable(3)");
 * ```
 */
export class Variable {
  #data: Float64NdArray | null;
  #grad: Float64NdArray | null = null;
  /** The function whose output this is, or `null` for a user-made variable. */
  creator: Function | null = null;
  /** An optional name, shown when the variable is printed in a graph. */
  name: string | undefined;

  /**
   * Wrap a float64 ndarray (or `null`, a placeholder to be filled later).
   *
   * @param data A float64 ndarray, for example from `array(1.0)`, or `null`.
   * @param options An optional `name`.
   */
  constructor(data: Float64NdArray | null, options: VariableOptions = {}) {
    if (data !== null) checkData("Variable", data);
    this.#data = data;
    this.name = options.name;
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
   * The gradient left by the last `backward()`, with the shape of `data`,
   * or `null` before any.
   */
  get grad(): Float64NdArray | null {
    return this.#grad;
  }

  set grad(value: Float64NdArray | null) {
    if (value !== null) {
      checkData("Variable.grad", value);
      if (this.#data !== null && !sameShape(value.shape, this.#data.shape)) {
        throw new TypeError(
          `Cannot set the gradient of ${this.#label()}: expected shape ${
            formatShape(this.#data.shape)
          }, got ${formatShape(value.shape)}`,
        );
      }
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
   * computed from (seed step 8: a loop, not recursion). The starting gradient
   * is `grad` if set, otherwise ones of this variable's shape (seed step 9).
   */
  backward(): void {
    if (this.#grad === null) {
      const ones = zerosOf(this.data.shape);
      ones.data.fill(1, ones.offset, ones.offset + ones.size);
      this.#grad = ones;
    }
    const funcs: Function[] = this.creator === null ? [] : [this.creator];
    while (funcs.length > 0) {
      const f = funcs.pop() as Function;
      const x = f.inputs[0];
      const y = f.outputs[0];
      x.grad = f.checkedBackward(y.grad as Float64NdArray);
      if (x.creator !== null) funcs.push(x.creator);
    }
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
