import type { Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { mean } from "./mean.ts";
import type { SumOptions } from "./sum.ts";

/**
 * DeZero's name for {@linkcode mean}: the mean over `axis` (default: all).
 *
 * @param x The input.
 * @param options `axis` (a number or an array; default all) and `keepdims`.
 * @returns The means.
 *
 * @example
 * ```ts
 * import { array, average, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * assert.equal(average(new Variable(array([1, 2, 6]))).data.get(), 3);
 * ```
 */
export function average(x: Operand, options: SumOptions = {}): Variable {
  return mean(x, options);
}
