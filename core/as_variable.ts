import { toVariable } from "./_to_variable.ts";
import type { Operand } from "./function.ts";
import type { Variable } from "./variable.ts";

/**
 * Wrap a number or a float64 ndarray in a Variable, and pass a Variable
 * through, as DeZero's `as_variable`.
 *
 * @param value A Variable, a number or a float64 ndarray.
 * @returns A Variable.
 *
 * @example
 * ```ts
 * import { asVariable, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = asVariable(2);
 * assert.ok(x instanceof Variable);
 * assert.equal(asVariable(x), x);
 * ```
 */
export function asVariable(value: Operand): Variable {
  return toVariable("asVariable", value, 0);
}
