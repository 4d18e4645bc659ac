import { normalizeAxes } from "../core/_tensor.ts";
import { sizeOf } from "../core/_ndarray.ts";
import { asVariable } from "../core/as_variable.ts";
import { registerOperator } from "../core/_operators.ts";
import type { Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { mul } from "./mul.ts";
import { sum, type SumOptions } from "./sum.ts";

/**
 * The mean of `x` over `axis` (default: all elements), as DeZero's
 * `average` and NumPy's `mean`: a {@linkcode sum} scaled by the count, so its
 * gradient is the upstream gradient spread evenly.
 *
 * @param x The input.
 * @param options `axis` (a number or an array; default all) and `keepdims`.
 * @returns The means.
 *
 * @example
 * ```ts
 * import { array, mean, toNested, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([[1, 2, 3], [4, 5, 6]]));
 * assert.equal(mean(x).data.get(), 3.5);
 * assert.deepEqual(toNested(mean(x, { axis: 0 }).data), [2.5, 3.5, 4.5]);
 * const y = mean(x);
 * y.backward();
 * assert.equal(x.grad!.data.get(1, 2), 1 / 6);
 * ```
 */
export function mean(x: Operand, options: SumOptions = {}): Variable {
  const variable = asVariable(x);
  const shape = variable.shape;
  const axes = normalizeAxes("mean", options.axis, shape.length);
  const count = sizeOf(axes.map((axis) => shape[axis]));
  return mul(sum(variable, options), 1 / count);
}

registerOperator("mean", mean);
