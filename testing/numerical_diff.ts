import { describe } from "../core/_describe.ts";
import {
  contiguousStrides,
  copyOf,
  type Float64NdArray,
  sizeOf,
  view,
} from "../core/_ndarray.ts";
import { Variable } from "../core/variable.ts";
import { checkCallable, weightedSum } from "./_evaluate.ts";

/**
 * Options of {@linkcode numericalDiff}.
 *
 * @example
 * ```ts
 * import { array, square, Variable } from "@dezero/core";
 * import { numericalDiff } from "@dezero/core/testing";
 * import assert from "node:assert/strict";
 *
 * // The centred difference of x² is exact: ((3 + h)² - (3 - h)²) / 2h = 6.
 * const g = numericalDiff(square, new Variable(array(3)), { eps: 1e-3 });
 * assert.ok(Math.abs(g.get() - 6) < 1e-9);
 * ```
 */
export interface NumericalDiffOptions {
  /** The step of the centred difference (default `1e-4`, as in the book). */
  eps?: number;
  /**
   * Weights of the output's elements: the result is the derivative of
   * `sum(gy * f(x))`. Default: all ones, so a scalar output gives `f'(x)`.
   */
  gy?: Float64NdArray;
}

/**
 * The derivative of `f` at `x` by centred differences,
 * `(f(x + eps) - f(x - eps)) / 2eps`, taken for every element of `x` in turn.
 * For an output with several elements it is the gradient of their sum (or of
 * their weighted sum with `gy`). `x` is not modified.
 *
 * @param f A function from a Variable to a Variable, such as `square`.
 * @param x The point, a Variable of any shape.
 * @param options `eps` and the output weights `gy`.
 * @returns An array of the shape of `x`.
 *
 * @example The book's step 4: the derivative of x² at 2
 * ```ts
 * import { array, square, Variable } from "@dezero/core";
 * import { numericalDiff } from "@dezero/core/testing";
 * import assert from "node:assert/strict";
 *
 * const dy = numericalDiff(square, new Variable(array(2)));
 * assert.ok(Math.abs(dy.get() - 4) < 1e-8);
 * ```
 */
export function numericalDiff(
  f: (x: Variable) => Variable,
  x: Variable,
  options: NumericalDiffOptions = {},
): Float64NdArray {
  checkCallable("numericalDiff", f);
  if (!(x instanceof Variable)) {
    throw new TypeError(
      `Cannot differentiate at ${
        describe(x)
      }: numericalDiff() expects a Variable as x`,
    );
  }
  const eps = options.eps ?? 1e-4;
  if (typeof eps !== "number" || !(eps > 0) || !Number.isFinite(eps)) {
    throw new RangeError(
      `Cannot use eps ${
        String(eps)
      }: numericalDiff() expects a positive finite number`,
    );
  }
  const point = copyOf(x.data);
  const values = point.data;
  const shape = point.shape;
  const size = sizeOf(shape);
  const grad = new Float64Array(size);
  const gy = options.gy;
  for (let i = 0; i < size; i++) {
    const k = point.offset + i;
    const saved = values[k];
    values[k] = saved + eps;
    const above = weightedSum("numericalDiff", f, point, gy);
    values[k] = saved - eps;
    const below = weightedSum("numericalDiff", f, point, gy);
    values[k] = saved;
    grad[i] = (above - below) / (2 * eps);
  }
  return view(grad, shape, contiguousStrides(shape), 0);
}
