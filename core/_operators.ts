// The functions behind Variable's chainable methods (`x.square().add(y)`).
// Each function module registers itself here when loaded, so that
// variable.ts need not import functions/, which import variable.ts back: a
// cycle that breaks `class X extends Function` when function.ts loads first.

import type { Operand } from "./function.ts";
import type { Variable } from "./variable.ts";
import type { Axis, SumOptions } from "./_sum_arguments.ts";

/** The functions available as Variable methods. */
export interface Operators {
  add(a: Operand, b: Operand): Variable;
  sub(a: Operand, b: Operand): Variable;
  mul(a: Operand, b: Operand): Variable;
  div(a: Operand, b: Operand): Variable;
  neg(x: Operand): Variable;
  pow(x: Operand, c: number): Variable;
  square(x: Operand): Variable;
  exp(x: Operand): Variable;
  log(x: Operand): Variable;
  sin(x: Operand): Variable;
  cos(x: Operand): Variable;
  tanh(x: Operand): Variable;
  reshape(x: Operand, shape: readonly number[]): Variable;
  transpose(x: Operand, axes?: readonly number[]): Variable;
  sum(
    x: Operand,
    axisOrOptions?: Axis | SumOptions,
    keepdims?: boolean | null,
  ): Variable;
  broadcastTo(x: Operand, shape: readonly number[]): Variable;
  sumTo(x: Operand, shape: readonly number[]): Variable;
  matmul(a: Operand, b: Operand): Variable;
  max(
    x: Operand,
    options?: { axis?: number | number[]; keepdims?: boolean },
  ): Variable;
  min(
    x: Operand,
    options?: { axis?: number | number[]; keepdims?: boolean },
  ): Variable;
  mean(
    x: Operand,
    options?: { axis?: number | number[]; keepdims?: boolean },
  ): Variable;
  clip(x: Operand, min: number, max: number): Variable;
  // deno-lint-ignore no-explicit-any
  getItem(x: Operand, index: any): Variable;
  expandDims(x: Operand, axis: number): Variable;
  squeeze(x: Operand, axis?: number | number[]): Variable;
  flatten(x: Operand): Variable;
}

const registered: Partial<Operators> = {};

/** Make `fn` available as the method `name` of every Variable. */
export function registerOperator<K extends keyof Operators>(
  name: K,
  fn: Operators[K],
): void {
  registered[name] = fn;
}

/** The function behind the method `name`, or an error saying how to load it. */
export function operator<K extends keyof Operators>(name: K): Operators[K] {
  const fn = registered[name];
  if (fn === undefined) {
    throw new Error(
      `Cannot call Variable.${name}(): its function is not loaded; import from "@dezero/core" (mod.ts), which loads every function`,
    );
  }
  return fn;
}
