// gradientCheck: the options, the result, and the order of the checks. The
// work is in the underscore files beside it, one concept each.

import { copyOf } from "../core/_ndarray.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import type { Variable } from "../core/variable.ts";
import { checkCallable } from "./_evaluate.ts";
import { pointOf, readInputs, readWrt } from "./_inputs.ts";
import { readOptions } from "./_options.ts";
import { Problem } from "./_problem.ts";
import { streamOf } from "./_random.ts";
import { Reporter } from "./_report.ts";
import { run } from "./_run.ts";
import { gradientFunction } from "./_second_order.ts";
import { upstream } from "./_upstream.ts";

/**
 * Options of {@linkcode gradientCheck}.
 *
 * @example
 * ```ts
 * import { array, sin } from "@dezero/core";
 * import { gradientCheck } from "@dezero/core/testing";
 * import assert from "node:assert/strict";
 *
 * const result = gradientCheck(sin, array([0.5, 1]), {
 *   order: 2,
 *   rtol: 1e-4,
 *   seed: 1,
 * });
 * assert.equal(result.order, 2);
 * assert.equal(result.rtol, 1e-4);
 * assert.equal(result.seed, 1);
 * ```
 */
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
   * Seed of every random number of the check (default `0`): the upstream
   * gradients, the projections and the moved point. A failure message names
   * it, and the same call with that seed replays the failing run exactly, at
   * either order.
   */
  seed?: number;
  /**
   * The upstream gradient of each output, instead of random ones: one array
   * for a function with one output, or an array of them. Random ones have
   * random signs and magnitudes in [0.5, 2).
   */
  gy?: Float64NdArray | Float64NdArray[];
  /**
   * Which inputs to check, by position (default: every input that is a
   * Variable, an ndarray, a number or nested arrays of numbers). The others
   * are passed to `f` as given, Variables as fresh Variables over a copy of
   * their data, so nothing of the caller's is modified.
   */
  wrt?: number[];
  /**
   * `"full"` (default) compares every element of every checked input.
   * `"fast"` compares random projections vᵀJu, a few backward passes and
   * evaluations of `f` in all, as PyTorch's fast mode and JAX do; when a
   * projection fails it falls back to `"full"`, so the report still names
   * the worst elements.
   */
  mode?: "full" | "fast";
  /**
   * Which derivative to check (default `1`). With `2`, as PyTorch's
   * `gradgradcheck`, the gradients themselves, computed by
   * `grad(..., { createGraph: true })`, are checked as a function of the
   * inputs and of the upstream gradients: this catches a wrong second
   * derivative, a backward not written in Variables, and a backward that
   * detaches its gy.
   */
  order?: 1 | 2;
  /**
   * After the check passes at the given inputs, check again at a point moved
   * from them by a small seeded step (default `true`), where bugs that hide
   * at special points show: a symmetric matrix, equal inputs, zeros, a value
   * cached on the first call. `false` checks the given point only.
   */
  secondPoint?: boolean;
  /**
   * What to do at a non-differentiable point, where the one-sided
   * differences disagree (a kink, as |x| at 0): `"fail"` (default) fails
   * with a message that says so, `"skip"` leaves such elements out of the
   * comparison and lists them in the result.
   */
  kinks?: "fail" | "skip";
  /**
   * How far two backward runs on the same inputs may differ (default `0`:
   * they must agree exactly, so a non-deterministic backward fails).
   */
  nondeterministicTolerance?: number;
}

/**
 * One compared element, as reported by {@linkcode gradientCheck}.
 *
 * @example
 * ```ts
 * import { array, square } from "@dezero/core";
 * import { type GradientCheckElement, gradientCheck } from "@dezero/core/testing";
 * import assert from "node:assert/strict";
 *
 * const result = gradientCheck(square, array([1, 2, 3]));
 * const worst: GradientCheckElement | null = result.worst;
 * assert.ok(worst !== null);
 * assert.equal(worst.input, 0);
 * assert.ok(worst.absoluteError <= result.maxAbsoluteError);
 * ```
 */
export interface GradientCheckElement {
  /**
   * The output whose gradient this is, or `null` for the sum over the
   * outputs of a function with several (a failure names the output).
   */
  output: number | null;
  /**
   * Position of the input among `f`'s arguments. At order 2 the upstream
   * gradients count as inputs after `f`'s checked ones.
   */
  input: number;
  /** Index of the element in that input. */
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

/**
 * What a passing {@linkcode gradientCheck} found, for logging.
 *
 * @example
 * ```ts
 * import { array, square } from "@dezero/core";
 * import { gradientCheck } from "@dezero/core/testing";
 * import assert from "node:assert/strict";
 *
 * const result = gradientCheck(square, array([1, 2, 3]));
 * assert.equal(result.order, 1);
 * assert.deepEqual(result.points, ["given", "moved"]);
 * assert.ok(result.maxRelativeError < result.rtol);
 * ```
 */
export interface GradientCheckResult {
  /** The mode that ran. */
  mode: "full" | "fast";
  /** The derivative checked. */
  order: 1 | 2;
  /**
   * Number of comparisons at each point: elements in full mode, projections
   * in fast mode.
   */
  checked: number;
  /**
   * The points checked: `["given", "moved"]` by default, `["given"]` with
   * `secondPoint: false` or when the function is not finite near the point.
   */
  points: ("given" | "moved")[];
  /**
   * What the caller should know although the check passed, for example that
   * every gradient is below `atol`, so that `atol` decides every comparison.
   */
  warnings: string[];
  /** The largest absolute error over all comparisons. */
  maxAbsoluteError: number;
  /** The largest relative error over the comparisons with a nonzero numerical value. */
  maxRelativeError: number;
  /**
   * The element closest to failing at the given point (largest error over
   * its tolerance); null in fast mode.
   */
  worst: GradientCheckElement | null;
  /** Elements at non-differentiable points left out with `kinks: "skip"`. */
  kinks: { input: number; index: number[] }[];
  /** The seed of every random number of the check. */
  seed: number;
  /** The step used. */
  eps: number;
  /** The relative tolerance used. */
  rtol: number;
  /** The absolute tolerance used. */
  atol: number;
}

/**
 * A function to check: any arguments, one Variable or several out.
 *
 * @example
 * ```ts
 * import { array, mul, type Variable } from "@dezero/core";
 * import { type CheckedFunction, gradientCheck } from "@dezero/core/testing";
 * import assert from "node:assert/strict";
 *
 * const f: CheckedFunction = (a: Variable, b: Variable) => mul(a, b);
 * const result = gradientCheck(f, [array([1, 2]), array([3, 4])]);
 * assert.equal(result.order, 1);
 * ```
 */
export type CheckedFunction = (...inputs: never[]) => Variable | Variable[];

/**
 * Check `f`'s backward against centred differences at `inputs`, and again at
 * a slightly moved point. In order, it fails when: a forward or backward
 * writes into its arguments (naming the function); a gradient has the wrong
 * shape or dtype; two backward runs disagree; backward is not linear in its
 * upstream gradient (backward(-3.7·gy) must be -3.7·backward(gy)); a zero
 * upstream gradient gives a nonzero gradient; an element misses
 * `|backprop - numerical| <= atol + rtol * |numerical|` (plus an estimate of
 * the numerical difference's rounding error). Each output gets a random
 * upstream gradient from `seed`. On failure it throws an `AssertionError`
 * whose message names the output, input and element, and ends with the seed
 * that replays the run; nothing of the caller's is modified (not even the
 * `grad` of a Variable that `f` captures).
 *
 * `inputs` is one Variable, ndarray or number; or an array of numbers, which
 * is one 1-d input (`[0.5, -1, 2]`); or an array with one entry per argument
 * of `f` (Variables, ndarrays, numbers, nested arrays of numbers, anything
 * else passed through). An array of equally long arrays of numbers is
 * ambiguous and a TypeError.
 *
 * @param f The function to check: Variables in, a Variable or an array of
 * Variables out.
 * @param inputs The point: one input, an array of numbers (one 1-d input),
 * or an array with one entry per argument of `f`.
 * @param options Tolerances, `wrt`, `mode`, `order`, `seed`, `gy`, `kinks`,
 * `secondPoint`.
 * @returns What the check found, when it passes.
 *
 * @example Checking a function of two inputs inside `Deno.test`
 * ```ts
 * import { array, matmul, tanh, type Variable } from "@dezero/core";
 * import { gradientCheck } from "@dezero/core/testing";
 * import assert from "node:assert/strict";
 *
 * const layer = (x: Variable, w: Variable) => tanh(matmul(x, w));
 * const x = array([[0.1, -0.2], [0.3, 0.4]]);
 * const w = array([[0.5, -1], [2, 0.25]]);
 * const result = gradientCheck(layer, [x, w]);
 * assert.equal(result.checked, 8);
 * assert.deepEqual(result.points, ["given", "moved"]);
 * gradientCheck(layer, [x, w], { mode: "fast" });
 * gradientCheck(layer, [x, w], { order: 2, wrt: [1] });
 * ```
 */
export function gradientCheck(
  f: CheckedFunction,
  inputs: unknown,
  options: GradientCheckOptions = {},
): GradientCheckResult {
  checkCallable("gradientCheck", f);
  const settings = readOptions(options);
  const args = readInputs(f, inputs);
  const wrt = readWrt(args, options.wrt);
  const points = wrt.map((i) => pointOf(args[i]));
  const label = f.name || "the function";
  const names: string[] = [];
  for (const i of wrt) names[i] = `input ${i}`;
  const report = new Reporter(label, names, settings);
  const problem = new Problem(f, report, args, wrt);
  // Guards first: an in-place write would corrupt everything after it.
  const center = problem.guardedCall(points);
  const gys = upstream(
    problem.outputShapes,
    options.gy,
    streamOf(settings.seed, "upstream"),
    label,
  );
  if (settings.order === 1) {
    return run(problem, points, center, gys, settings);
  }
  // Order 2: the gradient as a function of the inputs and the gys.
  const inner = [...points, ...gys];
  const innerNames = [
    ...wrt.map((i) => `input ${i}`),
    ...gys.map((_, k) => `upstream gradient ${k}`),
  ];
  const gradientReport = new Reporter(
    `the gradient of ${label}`,
    innerNames,
    settings,
  );
  const holder: { problem: Problem | null } = { problem: null };
  const gradient = gradientFunction(
    problem,
    gradientReport,
    () => holder.problem?.guarding ?? false,
  );
  const gradientProblem = new Problem(
    gradient,
    gradientReport,
    inner,
    inner.map((_, k) => k),
  );
  holder.problem = gradientProblem;
  const gradientCenter = gradientProblem.guardedCall(inner);
  const ggys = upstream(
    gradientProblem.outputShapes,
    undefined,
    streamOf(settings.seed, "upstream of the gradient"),
    gradientReport.label,
  );
  return run(
    gradientProblem,
    inner.map(copyOf),
    gradientCenter,
    ggys,
    settings,
  );
}
