import { AssertionError } from "node:assert";
import { describe } from "../core/_describe.ts";
import {
  contiguousStrides,
  copyOf,
  type Float64NdArray,
  formatShape,
  isFloat64NdArray,
  sameShape,
  scalarOf,
  sizeOf,
  toFlat,
  unravelIndex,
  view,
} from "../core/_ndarray.ts";
import { Function } from "../core/function.ts";
import { Variable } from "../core/variable.ts";
import { isClose } from "./_close.ts";
import { checkCallable } from "./_evaluate.ts";
import { seededRandom } from "./_random.ts";

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
   * Seed of the random upstream gradients and projections (default `0`). A
   * failure message names it, so a failing check can be replayed.
   */
  seed?: number;
  /**
   * The upstream gradient of each output, instead of random ones: one array
   * for a function with one output, or an array of them.
   */
  gy?: Float64NdArray | Float64NdArray[];
  /**
   * Which inputs to check, by position (default: every input that is a
   * Variable, an array or a number). The others are passed to `f` as given,
   * Variables as fresh Variables over the same data, so nothing of the
   * caller's is modified.
   */
  wrt?: number[];
  /**
   * `"full"` (default) compares every element of every checked input.
   * `"fast"` compares random projections vᵀJu, one backward and two
   * evaluations of `f` in all, as PyTorch's fast mode and JAX do; when a
   * projection fails it falls back to `"full"`, so the report still names
   * the worst elements.
   */
  mode?: "full" | "fast";
  /**
   * Which derivative to check (default `1`). With `2`, the gradients
   * themselves, computed by `backward({ createGraph: true })` under fixed
   * random upstream gradients, are checked as a function of the inputs: this
   * catches a wrong second derivative, or a backward not written in
   * Variables.
   */
  order?: 1 | 2;
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

/** One compared element, as reported by {@linkcode gradientCheck}. */
export interface GradientCheckElement {
  /** Position of the input among `f`'s arguments. */
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

/** What a passing {@linkcode gradientCheck} found, for logging. */
export interface GradientCheckResult {
  /** The mode that ran. */
  mode: "full" | "fast";
  /** The derivative checked. */
  order: 1 | 2;
  /** Number of comparisons: elements in full mode, projections in fast mode. */
  checked: number;
  /** The largest absolute error over all comparisons. */
  maxAbsoluteError: number;
  /** The largest relative error over the comparisons with a nonzero numerical value. */
  maxRelativeError: number;
  /** The element closest to failing (largest error over its tolerance); null in fast mode. */
  worst: GradientCheckElement | null;
  /** Elements at non-differentiable points left out with `kinks: "skip"`. */
  kinks: { input: number; index: number[] }[];
  /** The seed of the upstream gradients and projections. */
  seed: number;
  /** The step used. */
  eps: number;
  /** The relative tolerance used. */
  rtol: number;
  /** The absolute tolerance used. */
  atol: number;
}

/** A function to check: any arguments, one Variable or several out. */
export type CheckedFunction = (...inputs: never[]) => Variable | Variable[];

const WORST_SHOWN = 5;
const FAST_PROJECTIONS = 2;

/**
 * Check `f`'s backward against centred differences at `inputs`. Each output
 * gets a random upstream gradient (from `seed`), so a backward that ignores
 * or mis-scales its `gy` fails. Every gradient must have its input's shape
 * and dtype; two backward runs must agree (a non-deterministic backward
 * fails); a zero upstream gradient must give zero gradients; and each
 * element must satisfy `|backprop - numerical| <= atol + rtol *
 * |numerical|`. On failure it throws an `AssertionError` whose message is a
 * short table of the worst elements with the seed, eps and tolerances, never
 * whole arrays. Nothing of the caller's is modified.
 *
 * @param f The function to check: Variables in, a Variable or an array of
 * Variables out.
 * @param inputs The point: one Variable, array or number, or an array of
 * them (one per argument of `f`; arguments not checked may be anything).
 * @param options Tolerances, `wrt`, `mode`, `order`, `seed`, `gy`, `kinks`.
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
  const args = Array.isArray(inputs) ? inputs : [inputs];
  const wrt = readWrt(args, options.wrt);
  const points = wrt.map((i) => copyOf(toArray(args[i])));
  const label = f.name || "the function";
  if (settings.order === 2) {
    const gradient = gradientFunction(f, args, wrt, points, settings, label);
    return {
      ...gradientCheck(gradient, points, {
        ...options,
        wrt: undefined,
        gy: undefined,
        order: 1,
        seed: settings.seed + 1,
      }),
      order: 2,
    };
  }
  const problem = new Problem(f, label, args, wrt, settings);
  const outputs = problem.evaluate(points);
  const gys = upstream(outputs, options.gy, settings.seed, label);
  const backprop = problem.backprop(points, gys);
  const result =
    (settings.mode === "fast"
      ? problem.fastCheck(points, gys, backprop)
      : null) ?? problem.fullCheck(points, gys, backprop);
  problem.checkReentrant(points, gys, backprop);
  problem.checkZeroUpstream(points, outputs);
  return result;
}

/** Options with their defaults, validated. */
interface Settings {
  eps: number;
  rtol: number;
  atol: number;
  seed: number;
  mode: "full" | "fast";
  order: 1 | 2;
  kinks: "fail" | "skip";
  nondeterministicTolerance: number;
}

function readOptions(options: GradientCheckOptions): Settings {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(
      `Cannot use ${
        describe(options)
      } as options: gradientCheck() expects an object`,
    );
  }
  const settings: Settings = {
    eps: options.eps ?? 1e-6,
    rtol: options.rtol ?? 1e-3,
    atol: options.atol ?? 1e-5,
    seed: options.seed ?? 0,
    mode: options.mode ?? "full",
    order: options.order ?? 1,
    kinks: options.kinks ?? "fail",
    nondeterministicTolerance: options.nondeterministicTolerance ?? 0,
  };
  const numbers = [
    ["eps", settings.eps],
    ["rtol", settings.rtol],
    ["atol", settings.atol],
    ["nondeterministicTolerance", settings.nondeterministicTolerance],
  ] as const;
  for (const [name, value] of numbers) {
    if (typeof value !== "number" || !(value >= 0) || !Number.isFinite(value)) {
      throw new RangeError(
        `Cannot use ${name} ${
          String(value)
        }: gradientCheck() expects a non-negative finite number`,
      );
    }
  }
  if (!(settings.eps > 0)) {
    throw new RangeError(
      "Cannot use eps 0: gradientCheck() expects a positive step",
    );
  }
  if (!Number.isInteger(settings.seed)) {
    throw new RangeError(
      `Cannot use seed ${
        String(settings.seed)
      }: gradientCheck() expects an integer`,
    );
  }
  const choices = [
    ["mode", settings.mode, ["full", "fast"]],
    ["order", settings.order, [1, 2]],
    ["kinks", settings.kinks, ["fail", "skip"]],
  ] as const;
  for (const [name, value, allowed] of choices) {
    if (!(allowed as readonly unknown[]).includes(value)) {
      throw new RangeError(
        `Cannot use ${name} ${JSON.stringify(value)}: gradientCheck() expects ${
          allowed.map((a) => JSON.stringify(a)).join(" or ")
        }`,
      );
    }
  }
  return settings;
}

function isCheckable(value: unknown): boolean {
  return value instanceof Variable || isFloat64NdArray(value) ||
    typeof value === "number";
}

function toArray(value: unknown): Float64NdArray {
  if (value instanceof Variable) return value.data;
  if (typeof value === "number") return scalarOf(value);
  return value as Float64NdArray;
}

/** The positions of the inputs to check, validated. */
function readWrt(args: unknown[], wrt: number[] | undefined): number[] {
  if (wrt === undefined) {
    const all = args.flatMap((arg, i) => isCheckable(arg) ? [i] : []);
    if (all.length === 0) {
      throw new TypeError(
        `Cannot check the gradient at ${
          args.length === 1 ? describe(args[0]) : "these inputs"
        }: gradientCheck() expects a Variable, a float64 ndarray or a number as an input`,
      );
    }
    return all;
  }
  if (!Array.isArray(wrt) || wrt.length === 0) {
    throw new TypeError(
      `Cannot use ${
        describe(wrt)
      } as wrt: gradientCheck() expects a non-empty array of input positions`,
    );
  }
  for (const i of wrt) {
    if (!Number.isInteger(i) || i < 0 || i >= args.length) {
      throw new RangeError(
        `Cannot check input ${
          String(i)
        }: gradientCheck() got ${args.length} input(s)`,
      );
    }
    if (!isCheckable(args[i])) {
      throw new TypeError(
        `Cannot check input ${i}, ${
          describe(args[i])
        }: gradientCheck() expects a Variable, a float64 ndarray or a number there`,
      );
    }
  }
  if (new Set(wrt).size !== wrt.length) {
    throw new TypeError(
      `Cannot use wrt [${
        wrt.join(",")
      }]: gradientCheck() expects each input once`,
    );
  }
  return [...wrt].sort((a, b) => a - b);
}

/** The upstream gradients: given, or random from the seed. */
function upstream(
  outputs: Variable[],
  given: Float64NdArray | Float64NdArray[] | undefined,
  seed: number,
  label: string,
): Float64NdArray[] {
  if (given === undefined) {
    const random = seededRandom(seed);
    return outputs.map((y) => randomLike(y.shape, random, true));
  }
  const list = Array.isArray(given) ? given : [given];
  if (list.length !== outputs.length) {
    throw new TypeError(
      `Cannot use ${list.length} upstream gradient(s) for ${label}: it has ${outputs.length} output(s)`,
    );
  }
  list.forEach((gy, k) => {
    if (!isFloat64NdArray(gy) || !sameShape(gy.shape, outputs[k].shape)) {
      throw new TypeError(
        `Cannot use ${
          describe(gy)
        } as the upstream gradient of output ${k} of ${label}: expected shape ${
          formatShape(outputs[k].shape)
        }`,
      );
    }
  });
  return list.map((gy) => copyOf(gy));
}

/**
 * Feeds every output its upstream gradient in one backward pass, so that a
 * function with several outputs is checked with all of them at once.
 */
class Upstream extends Function {
  readonly #gys: Float64NdArray[];

  constructor(gys: Float64NdArray[]) {
    super();
    this.#gys = gys;
  }

  forward(): Float64NdArray {
    return scalarOf(0);
  }

  backward(): Variable[] {
    return this.#gys.map((gy) => new Variable(gy));
  }
}

/** The function, its arguments and settings: evaluation and backprop. */
class Problem {
  constructor(
    readonly f: CheckedFunction,
    readonly label: string,
    readonly args: unknown[],
    readonly wrt: number[],
    readonly settings: Settings,
  ) {}

  /** Call `f` with the checked inputs at `points`, as fresh Variables. */
  call(
    points: Float64NdArray[],
  ): { variables: Variable[]; outputs: Variable[] } {
    const variables = points.map((p) => new Variable(p));
    return { variables, outputs: this.callWith(variables) };
  }

  /**
   * Call `f` with `variables` as the checked inputs; the other arguments as
   * given, a caller's Variable as a fresh one over the same data.
   */
  callWith(variables: Variable[]): Variable[] {
    const callArgs = this.args.map((arg) =>
      arg instanceof Variable ? new Variable(arg.data) : arg
    );
    this.wrt.forEach((i, k) => callArgs[i] = variables[k]);
    const result = (this.f as (...a: unknown[]) => unknown)(...callArgs);
    const outputs = Array.isArray(result) ? result : [result];
    if (
      outputs.length === 0 || !outputs.every((y) => y instanceof Variable)
    ) {
      throw new TypeError(
        `Cannot check ${this.label}: gradientCheck() expects it to return a Variable or an array of Variables, got ${
          describe(result)
        }`,
      );
    }
    return outputs as Variable[];
  }

  evaluate(points: Float64NdArray[]): Variable[] {
    return this.call(points).outputs;
  }

  /** `Σₖ sum(gyₖ · yₖ)` at `points`. */
  weightedSum(points: Float64NdArray[], gys: Float64NdArray[]): number {
    const outputs = this.evaluate(points);
    let total = 0;
    outputs.forEach((y, k) => {
      if (!sameShape(y.shape, gys[k].shape)) {
        throw new TypeError(
          `Cannot check ${this.label}: output ${k} changed shape from ${
            formatShape(gys[k].shape)
          } to ${formatShape(y.shape)} between calls`,
        );
      }
      const values = toFlat(y.data);
      const weights = toFlat(gys[k]);
      for (let j = 0; j < values.length; j++) total += values[j] * weights[j];
    });
    return total;
  }

  /** The gradients of the checked inputs for upstream gradients `gys`. */
  backprop(points: Float64NdArray[], gys: Float64NdArray[]): Float64NdArray[] {
    const { variables, outputs } = this.call(points);
    if (outputs.length !== gys.length) {
      throw new TypeError(
        `Cannot check ${this.label}: it returned ${outputs.length} output(s), then ${gys.length}`,
      );
    }
    new Upstream(gys).call(...outputs).backward();
    return variables.map((x, k) => {
      const grad = x.grad;
      const input = this.wrt[k];
      if (grad === null) return zerosLike(x.shape);
      if (!(grad.data.data instanceof Float64Array)) {
        this.fail(
          `the gradient of input ${input} has dtype ${grad.data.dtype}, expected float64`,
        );
      }
      if (!sameShape(grad.shape, x.shape)) {
        this.fail(
          `the gradient of input ${input} has shape ${
            formatShape(grad.shape)
          }, the input has shape ${formatShape(x.shape)}`,
        );
      }
      // A copy: a broken backward could hand back an array that aliases the
      // point, which the numerical pass is about to perturb.
      return copyOf(grad.data);
    });
  }

  /** Two backward runs must agree: a non-deterministic backward fails. */
  checkReentrant(
    points: Float64NdArray[],
    gys: Float64NdArray[],
    first: Float64NdArray[],
  ): void {
    const second = this.backprop(points, gys);
    const tolerance = this.settings.nondeterministicTolerance;
    first.forEach((grad, k) => {
      const a = toFlat(grad);
      const b = toFlat(second[k]);
      for (let j = 0; j < a.length; j++) {
        const same = Object.is(a[j], b[j]) ||
          Math.abs(a[j] - b[j]) <= tolerance;
        if (!same) {
          this.fail(
            `backward is not deterministic: two runs on the same inputs give ${
              a[j]
            } and ${b[j]} for input ${this.wrt[k]} at index [${
              unravelIndex(grad.shape, j).join(",")
            }] (nondeterministicTolerance ${tolerance})`,
          );
        }
      }
    });
  }

  /** A zero upstream gradient must give zero gradients. */
  checkZeroUpstream(points: Float64NdArray[], outputs: Variable[]): void {
    const zeros = outputs.map((y) => zerosLike(y.shape));
    this.backprop(points, zeros).forEach((grad, k) => {
      const values = toFlat(grad);
      for (let j = 0; j < values.length; j++) {
        if (values[j] !== 0) {
          this.fail(
            `a zero upstream gradient gives the gradient ${
              values[j]
            } for input ${this.wrt[k]} at index [${
              unravelIndex(grad.shape, j).join(",")
            }], expected 0`,
          );
        }
      }
    });
  }

  /** Random projections vᵀJu: the result when every one passes, else null. */
  fastCheck(
    points: Float64NdArray[],
    gys: Float64NdArray[],
    backprop: Float64NdArray[],
  ): GradientCheckResult | null {
    const { eps, rtol, atol, seed } = this.settings;
    const random = seededRandom(seed + 2);
    let maxAbsoluteError = 0;
    let maxRelativeError = 0;
    for (let p = 0; p < FAST_PROJECTIONS; p++) {
      const directions = points.map((x) => randomLike(x.shape, random, false));
      let analytical = 0;
      backprop.forEach((grad, k) => {
        const g = toFlat(grad);
        const u = toFlat(directions[k]);
        for (let j = 0; j < g.length; j++) analytical += g[j] * u[j];
      });
      const shifted = (sign: number) =>
        points.map((x, k) => {
          const out = copyOf(x);
          const u = toFlat(directions[k]);
          for (let j = 0; j < u.length; j++) {
            out.data[out.offset + j] += sign * eps * u[j];
          }
          return out;
        });
      const numerical = (this.weightedSum(shifted(1), gys) -
        this.weightedSum(shifted(-1), gys)) / (2 * eps);
      const absoluteError = Math.abs(analytical - numerical);
      if (
        !isClose(analytical, numerical, rtol, atol) || Number.isNaN(analytical)
      ) {
        return null;
      }
      maxAbsoluteError = Math.max(maxAbsoluteError, absoluteError);
      if (numerical !== 0) {
        maxRelativeError = Math.max(
          maxRelativeError,
          absoluteError / Math.abs(numerical),
        );
      }
    }
    return {
      mode: "fast",
      order: 1,
      checked: FAST_PROJECTIONS,
      maxAbsoluteError,
      maxRelativeError,
      worst: null,
      kinks: [],
      ...this.reported(),
    };
  }

  /** Every element of every checked input. */
  fullCheck(
    points: Float64NdArray[],
    gys: Float64NdArray[],
    backprop: Float64NdArray[],
  ): GradientCheckResult {
    const { eps, rtol, atol, kinks } = this.settings;
    const center = this.weightedSum(points, gys);
    const ranked: { element: GradientCheckElement; ratio: number }[] = [];
    const skipped: { input: number; index: number[] }[] = [];
    let failed = false;
    let nan: string | null = null;
    let kink: string | null = null;
    let maxAbsoluteError = 0;
    let maxRelativeError = 0;
    points.forEach((point, k) => {
      const a = toFlat(backprop[k]);
      const input = this.wrt[k];
      for (let j = 0; j < a.length; j++) {
        const at = point.offset + j;
        const saved = point.data[at];
        point.data[at] = saved + eps;
        const above = this.weightedSum(points, gys);
        point.data[at] = saved - eps;
        const below = this.weightedSum(points, gys);
        point.data[at] = saved;
        const numerical = (above - below) / (2 * eps);
        const index = unravelIndex(point.shape, j);
        const element = compare(input, index, a[j], numerical);
        if (Number.isNaN(a[j]) || Number.isNaN(numerical)) {
          nan ??= `the ${
            Number.isNaN(a[j]) ? "backprop" : "numerical"
          } gradient is NaN for input ${input} at index [${index.join(",")}]`;
          failed = true;
          ranked.push({ element, ratio: Infinity });
          continue;
        }
        const close = isClose(a[j], numerical, rtol, atol);
        if (!close) {
          // One-sided slopes that disagree by far more than curvature
          // explains mean x sits on a kink, where no gradient is right.
          const right = (above - center) / eps;
          const left = (center - below) / eps;
          if (!isClose(left, right, 10 * rtol, 10 * atol)) {
            if (kinks === "skip") {
              skipped.push({ input, index });
              continue;
            }
            kink ??=
              `input ${input} at index [${index}] is a non-differentiable point: the slope is ${left} from the left and ${right} from the right, so no gradient can match; move the point away from the kink or pass kinks: "skip"`;
          }
          failed = true;
        }
        maxAbsoluteError = Math.max(maxAbsoluteError, element.absoluteError);
        if (numerical !== 0) {
          maxRelativeError = Math.max(maxRelativeError, element.relativeError);
        }
        const tolerance = atol + rtol * Math.abs(numerical);
        const ratio = element.absoluteError / tolerance;
        ranked.push({ element, ratio: Number.isNaN(ratio) ? Infinity : ratio });
      }
    });
    ranked.sort((p, q) => q.ratio - p.ratio);
    if (failed) {
      const heading = nan ?? kink ??
        "backprop and numerical gradients differ beyond atol + rtol * |numerical|";
      const total = points.reduce((n, p) => n + sizeOf(p.shape), 0);
      this.fail(
        `${heading}\n${
          table(ranked.slice(0, WORST_SHOWN).map((r) => r.element))
        }`,
        `${total} elements checked; `,
      );
    }
    return {
      mode: "full",
      order: 1,
      checked: ranked.length,
      maxAbsoluteError,
      maxRelativeError,
      worst: ranked.length > 0 ? ranked[0].element : null,
      kinks: skipped,
      ...this.reported(),
    };
  }

  reported(): { seed: number; eps: number; rtol: number; atol: number } {
    const { seed, eps, rtol, atol } = this.settings;
    return { seed, eps, rtol, atol };
  }

  fail(message: string, count = ""): never {
    const { seed, eps, rtol, atol } = this.settings;
    throw new AssertionError({
      message:
        `Gradient check of ${this.label} failed: ${message}\n(${count}seed ${seed}, eps ${eps}, rtol ${rtol}, atol ${atol})`,
    });
  }
}

/**
 * The inputs' gradients as a function of the checked inputs, with their own
 * graph (createGraph), for checking second derivatives. The upstream
 * gradients are fixed from the seed.
 */
function gradientFunction(
  f: CheckedFunction,
  args: unknown[],
  wrt: number[],
  points: Float64NdArray[],
  settings: Settings,
  label: string,
): (...xs: Variable[]) => Variable[] {
  const problem = new Problem(f, label, args, wrt, settings);
  const outputs = problem.evaluate(points);
  const gys = upstream(outputs, undefined, settings.seed, label);
  const name = `the gradient of ${label}`;
  return {
    [name](...xs: Variable[]): Variable[] {
      const ys = problem.callWith(xs);
      new Upstream(gys).call(...ys).backward({ createGraph: true });
      // Hand the gradients on and clear them, or the next backward through
      // them would add the second derivative to the first.
      return xs.map((x) => {
        const gx = x.grad ?? new Variable(zerosLike(x.shape));
        x.clearGrad();
        return gx;
      });
    },
  }[name];
}

function zerosLike(shape: readonly number[]): Float64NdArray {
  return view(
    new Float64Array(sizeOf(shape)),
    shape,
    contiguousStrides(shape),
    0,
  );
}

/**
 * Random values for upstream gradients (`awayFromZero`: magnitudes in
 * [0.5, 1), random sign, so no element is nearly ignored) or projection
 * directions (uniform in [-1, 1)).
 */
function randomLike(
  shape: readonly number[],
  random: () => number,
  awayFromZero: boolean,
): Float64NdArray {
  const out = zerosLike(shape);
  for (let i = 0; i < out.data.length; i++) {
    if (awayFromZero) {
      const magnitude = 0.5 + 0.5 * random();
      out.data[i] = random() < 0.5 ? -magnitude : magnitude;
    } else {
      out.data[i] = 2 * random() - 1;
    }
  }
  return out;
}

function compare(
  input: number,
  index: number[],
  backprop: number,
  numerical: number,
): GradientCheckElement {
  const absoluteError = Math.abs(backprop - numerical);
  return {
    input,
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
  const rows = [[
    "input",
    "index",
    "backprop",
    "numerical",
    "abs error",
    "rel error",
  ]];
  for (const e of elements) {
    rows.push([
      String(e.input),
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
