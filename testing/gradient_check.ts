import { AssertionError } from "node:assert";
import { describe } from "../core/_describe.ts";
import {
  contiguousStrides,
  copyOf,
  type Float64NdArray,
  formatShape,
  isFloat64NdArray,
  sameShape,
  toFlat,
  view,
  zerosOf,
} from "../core/_ndarray.ts";
import { Variable } from "../core/variable.ts";
import { isClose } from "./_close.ts";
import { checkCallable } from "./_evaluate.ts";
import { seededRandom } from "./_random.ts";
import { numericalDiff } from "./numerical_diff.ts";

/** Options of {@linkcode gradientCheck}. */
export interface GradientCheckOptions {
  /**
   * Step of the centred difference. Default `1e-6`: for float64 the
   * truncation error (about eps²) and the rounding error (about 1e-16 / eps)
   * are then both far below the tolerances.
   */
  eps?: number;
  /** Relative tolerance (default `1e-3`, as PyTorch's `gradcheck`). */
  rtol?: number;
  /** Absolute tolerance (default `1e-5`, as PyTorch's `gradcheck`). */
  atol?: number;
  /**
   * Seed of the random upstream gradient (default `0`). A failure message
   * names it, so a failing check can be replayed.
   */
  seed?: number;
  /**
   * Which derivative to check (default `1`). With `2`, the gradient itself,
   * computed by `backward({ createGraph: true })` with a fixed random upstream
   * gradient, is checked as a function of `x`: this catches a wrong second
   * derivative, or a backward that does not build its graph in Variables.
   */
  order?: 1 | 2;
}

/** One compared element, as reported by {@linkcode gradientCheck}. */
export interface GradientCheckElement {
  /** Index of the element in the input. */
  index: number[];
  /** The gradient from `backward()`. */
  backprop: number;
  /** The gradient from centred differences. */
  numerical: number;
  /** `|backprop - numerical|`. */
  absoluteError: number;
  /** `|backprop - numerical| / |numerical|` (Infinity when numerical is 0). */
  relativeError: number;
}

/** What a passing {@linkcode gradientCheck} found, for logging. */
export interface GradientCheckResult {
  /** Number of elements compared. */
  checked: number;
  /** The largest absolute error over all elements. */
  maxAbsoluteError: number;
  /** The largest relative error over all elements with a nonzero numerical value. */
  maxRelativeError: number;
  /** The element closest to failing (largest error over its tolerance). */
  worst: GradientCheckElement | null;
  /** The seed of the upstream gradient. */
  seed: number;
  /** The step used. */
  eps: number;
  /** The relative tolerance used. */
  rtol: number;
  /** The absolute tolerance used. */
  atol: number;
}

const WORST_SHOWN = 3;

/**
 * Check `f`'s backward against centred differences at `x`. The output's
 * upstream gradient is random (from `seed`), so a backward that ignores or
 * mis-scales its `gy` fails; the gradient must have the input's shape, and
 * each element must satisfy `|backprop - numerical| <= atol + rtol *
 * |numerical|`. On failure it throws an `AssertionError` whose message is a
 * short table of the worst elements with the seed, eps and tolerances. `x` is
 * not modified.
 *
 * @param f The function to check, from a Variable to a Variable.
 * @param x The point: a Variable or a float64 ndarray, of any shape.
 * @param options `eps`, `rtol`, `atol` and `seed`.
 * @returns The errors found, when the check passes.
 *
 * @example Checking a function inside `Deno.test`
 * ```ts
 * import { array, exp, square, Variable } from "@dezero/core";
 * import { gradientCheck } from "@dezero/core/testing";
 * import assert from "node:assert/strict";
 *
 * const result = gradientCheck((x) => square(exp(x)), array([[0.1, -0.2], [0.3, 0.4]]));
 * assert.equal(result.checked, 4);
 * assert.ok(result.maxAbsoluteError < 1e-6);
 * ```
 */
export function gradientCheck(
  f: (x: Variable) => Variable,
  x: Variable | Float64NdArray,
  options: GradientCheckOptions = {},
): GradientCheckResult {
  checkCallable("gradientCheck", f);
  let point: Float64NdArray;
  if (x instanceof Variable) {
    point = x.data;
  } else if (isFloat64NdArray(x)) {
    point = x;
  } else {
    throw new TypeError(
      `Cannot check the gradient at ${
        describe(x)
      }: gradientCheck() expects a Variable or a float64 ndarray as x`,
    );
  }
  const eps = options.eps ?? 1e-6;
  const rtol = options.rtol ?? 1e-3;
  const atol = options.atol ?? 1e-5;
  const seed = options.seed ?? 0;
  for (const [name, value] of [["eps", eps], ["rtol", rtol], ["atol", atol]]) {
    if (typeof value !== "number" || !(value >= 0) || !Number.isFinite(value)) {
      throw new RangeError(
        `Cannot use ${name} ${
          String(value)
        }: gradientCheck() expects a non-negative finite number`,
      );
    }
  }
  if (!(eps > 0)) {
    throw new RangeError(
      "Cannot use eps 0: gradientCheck() expects a positive step",
    );
  }
  if (!Number.isInteger(seed)) {
    throw new RangeError(
      `Cannot use seed ${String(seed)}: gradientCheck() expects an integer`,
    );
  }
  const order = options.order ?? 1;
  if (order !== 1 && order !== 2) {
    throw new RangeError(
      `Cannot check derivatives of order ${
        String(order)
      }: gradientCheck() supports order 1 and 2`,
    );
  }
  if (order === 2) {
    return gradientCheck(firstGradient(f, point, seed), point, {
      eps,
      rtol,
      atol,
      seed: seed + 1,
    });
  }
  const label = f.name || "the function";
  const settings = `seed ${seed}, eps ${eps}, rtol ${rtol}, atol ${atol}`;

  // Backprop on a private copy, so the caller's variable keeps its grad.
  const input = new Variable(copyOf(point));
  const y = f(input);
  if (!(y instanceof Variable)) {
    throw new TypeError(
      `Cannot check ${label}: gradientCheck() expects it to return a Variable, got ${
        describe(y)
      }`,
    );
  }
  const gy = randomLike(y.data.shape, seed);
  y.grad = gy;
  y.backward();
  const backprop = input.grad?.data ?? view(
    new Float64Array(point.size),
    point.shape,
    contiguousStrides(point.shape),
    0,
  );
  if (!sameShape(backprop.shape, point.shape)) {
    throw new AssertionError({
      message: `Gradient check of ${label} failed: the gradient has shape ${
        formatShape(backprop.shape)
      }, the input has shape ${formatShape(point.shape)} (${settings})`,
    });
  }
  const numerical = numericalDiff(f, new Variable(point), { eps, gy });

  const a = toFlat(backprop);
  const n = toFlat(numerical);
  const elements: { element: GradientCheckElement; ratio: number }[] = [];
  let maxAbsoluteError = 0;
  let maxRelativeError = 0;
  let failed = false;
  let nan: string | null = null;
  for (let i = 0; i < a.length; i++) {
    const element = compare(point.shape, i, a[i], n[i]);
    if (Number.isNaN(a[i]) || Number.isNaN(n[i])) {
      nan ??= `the ${
        Number.isNaN(a[i]) ? "backprop" : "numerical"
      } gradient is NaN at index [${element.index.join(",")}]`;
      failed = true;
      continue;
    }
    const tolerance = atol + rtol * Math.abs(n[i]);
    const ratio = element.absoluteError / tolerance;
    if (!isClose(a[i], n[i], rtol, atol)) failed = true;
    maxAbsoluteError = Math.max(maxAbsoluteError, element.absoluteError);
    if (n[i] !== 0) {
      maxRelativeError = Math.max(maxRelativeError, element.relativeError);
    }
    elements.push({ element, ratio: Number.isNaN(ratio) ? Infinity : ratio });
  }
  elements.sort((p, q) => q.ratio - p.ratio);
  if (failed) {
    const heading = nan !== null
      ? `Gradient check of ${label} failed: ${nan}`
      : `Gradient check of ${label} failed: backprop and numerical gradients differ beyond atol + rtol * |numerical|`;
    throw new AssertionError({
      message: `${heading}\n${
        table(elements.slice(0, WORST_SHOWN).map((e) => e.element))
      }\n(${settings}; ${a.length} elements checked)`,
    });
  }
  return {
    checked: a.length,
    maxAbsoluteError,
    maxRelativeError,
    worst: elements.length > 0 ? elements[0].element : null,
    seed,
    eps,
    rtol,
    atol,
  };
}

/**
 * x ↦ the gradient of `sum(gy * f(x))` at x, as a function with its own graph
 * (createGraph), for checking second derivatives. `gy` is fixed from `seed`.
 */
function firstGradient(
  f: (x: Variable) => Variable,
  point: Float64NdArray,
  seed: number,
): (x: Variable) => Variable {
  const probe = f(new Variable(copyOf(point)));
  if (!(probe instanceof Variable)) {
    throw new TypeError(
      `Cannot check ${
        f.name || "the function"
      }: gradientCheck() expects it to return a Variable, got ${
        describe(probe)
      }`,
    );
  }
  const gy = randomLike(probe.data.shape, seed);
  const name = `the gradient of ${f.name || "the function"}`;
  const gradientOf = {
    [name](x: Variable): Variable {
      const y = f(x);
      y.grad = gy;
      y.backward({ createGraph: true });
      // Hand the gradient on and clear it, or the next backward through it
      // would add the second derivative to the first.
      const gx = x.grad ?? new Variable(zerosOf(x.shape));
      x.clearGrad();
      return gx;
    },
  }[name];
  return gradientOf;
}

/** Uniform values in [-1, -0.5) ∪ [0.5, 1): never near zero, random sign. */
function randomLike(shape: number[], seed: number): Float64NdArray {
  const random = seededRandom(seed);
  const values = new Float64Array(shape.reduce((p, n) => p * n, 1));
  for (let i = 0; i < values.length; i++) {
    const magnitude = 0.5 + 0.5 * random();
    values[i] = random() < 0.5 ? -magnitude : magnitude;
  }
  return view(values, shape, contiguousStrides(shape), 0);
}

function compare(
  shape: number[],
  flatIndex: number,
  backprop: number,
  numerical: number,
): GradientCheckElement {
  const index = new Array<number>(shape.length);
  let rest = flatIndex;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    index[axis] = rest % shape[axis];
    rest = Math.floor(rest / shape[axis]);
  }
  const absoluteError = Math.abs(backprop - numerical);
  return {
    index,
    backprop,
    numerical,
    absoluteError,
    relativeError: numerical === 0
      ? (absoluteError === 0 ? 0 : Infinity)
      : absoluteError / Math.abs(numerical),
  };
}

function table(elements: GradientCheckElement[]): string {
  const rows = [["index", "backprop", "numerical", "abs error", "rel error"]];
  for (const e of elements) {
    rows.push([
      `[${e.index.join(",")}]`,
      e.backprop.toPrecision(8),
      e.numerical.toPrecision(8),
      e.absoluteError.toPrecision(3),
      e.relativeError.toPrecision(3),
    ]);
  }
  const widths = rows[0].map((_, c) =>
    Math.max(...rows.map((row) => row[c].length))
  );
  return rows.map((row) =>
    "  " + row.map((cell, c) => cell.padStart(widths[c])).join("  ")
  ).join("\n");
}
