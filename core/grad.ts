import { describe } from "./_describe.ts";
import { adoptArray, formatShape, sameShape } from "./_ndarray.ts";
import { runBackward } from "./_backward.ts";
import { full } from "./full.ts";
import { gradAccess } from "./_grad_access.ts";
import { Variable } from "./variable.ts";
import type { Float64NdArray } from "./_ndarray.ts";

/**
 * Options of {@linkcode grad}.
 * @example A second derivative with createGraph
 * ```ts
 * import { array, grad, type GradOptions, pow, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array(2));
 * const y = pow(x, 3);
 * const options: GradOptions = { createGraph: true };
 * const [gx] = grad(y, x, options); // 3x² = 12
 * const [gxx] = grad(gx!, x); // 6x = 12
 * assert.equal(gx!.data.get(), 12);
 * assert.equal(gxx!.data.get(), 12);
 * ```
 */
export interface GradOptions {
  /**
   * The gradient of each output to start from (default: ones of its shape),
   * one per output: a Variable, a float64 ndarray or a number.
   */
  gradOutputs?: readonly (Variable | Float64NdArray | number)[] | null;
  /**
   * Record the graph of the gradient computation, so that the returned
   * gradients can be differentiated again (default `false`).
   */
  createGraph?: boolean;
  /**
   * Return `null` for an input that the outputs do not depend on (default
   * `false`: that is an error, as in PyTorch, because it is usually a bug).
   */
  allowUnused?: boolean;
}

/**
 * The gradients of `outputs` with respect to `inputs`, returned instead of
 * added to anyone's `grad`: nothing of the caller's changes, as with
 * `torch.autograd.grad`. Inputs may be leaves or intermediate variables; the
 * gradients of several outputs add up.
 *
 * @param outputs The variable or variables to differentiate.
 * @param inputs The variables to differentiate with respect to.
 * @param options `gradOutputs` (seeds), `createGraph`, `allowUnused`.
 * @returns One gradient per input, with that input's shape (`null` only for
 * an unused input with `allowUnused`).
 *
 * @example Gradient without touching `x.grad`
 * ```ts
 * import { array, grad, mul, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array(3));
 * const w = new Variable(array(2));
 * const [gx, gw] = grad(mul(x, w), [x, w]);
 * assert.equal(gx?.item(), 2);
 * assert.equal(gw?.item(), 3);
 * assert.equal(x.grad, null);
 * ```
 *
 * @example Second derivative of x³ at 2
 * ```ts
 * import { array, grad, pow, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array(2));
 * const [gx] = grad(pow(x, 3), [x], { createGraph: true });
 * const [ggx] = grad(gx!, [x]);
 * assert.equal(ggx?.item(), 12);
 * ```
 */
export function grad(
  outputs: Variable | readonly Variable[],
  inputs: Variable | readonly Variable[],
  options?: GradOptions | null,
): (Variable | null)[] {
  const ys = listOf("outputs", outputs);
  const xs = listOf("inputs", inputs);
  const { gradOutputs, createGraph = false, allowUnused = false } = options ??
    {};
  if (typeof createGraph !== "boolean" || typeof allowUnused !== "boolean") {
    throw new TypeError(
      "Cannot use these options in grad(): createGraph and allowUnused must be booleans",
    );
  }
  let seeds: (Variable | null)[];
  if (gradOutputs === undefined || gradOutputs === null) {
    // Ones, made by the engine only if some function needs them as an array.
    seeds = ys.map(() => null);
  } else {
    if (!Array.isArray(gradOutputs) || gradOutputs.length !== ys.length) {
      throw new TypeError(
        `Cannot use ${
          describe(gradOutputs)
        } as gradOutputs in grad(): expected an array of ${ys.length}, one per output`,
      );
    }
    seeds = gradOutputs.map((g, i) => seedOf(g, ys[i], i));
  }
  const capture = new Map<Variable, Variable | null>();
  for (const x of xs) capture.set(x, null);
  const [readGrad, writeGrad] = gradAccess();
  runBackward(
    ys,
    seeds,
    { createGraph, retainGrad: false, capture },
    readGrad,
    writeGrad,
  );
  return xs.map((x, i) => {
    const g = capture.get(x) ?? null;
    if (g === null && !allowUnused) {
      throw new RangeError(
        `Cannot take the gradient with respect to input ${i}${
          x.name === undefined ? "" : ` ("${x.name}")`
        } in grad(): the outputs do not depend on it; pass { allowUnused: true } to get null`,
      );
    }
    return g;
  });
}

function listOf(what: string, value: unknown): Variable[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) {
    throw new TypeError(`Cannot differentiate: grad() got no ${what}`);
  }
  list.forEach((item, i) => {
    if (!(item instanceof Variable)) {
      throw new TypeError(
        `Cannot use ${
          describe(item)
        } as ${what}[${i}] in grad(): expected a Variable`,
      );
    }
  });
  return list as Variable[];
}

function seedOf(g: unknown, y: Variable, index: number): Variable {
  let seed: Variable;
  if (g instanceof Variable) {
    seed = g;
  } else if (typeof g === "number") {
    seed = new Variable(full(y.data.shape, g));
  } else {
    const a = adoptArray("grad()", g);
    if (a === undefined) {
      throw new TypeError(
        `Cannot use ${
          describe(g)
        } as gradOutputs[${index}] in grad(): expected a Variable, a float64 ndarray or a number`,
      );
    }
    seed = new Variable(a);
  }
  if (!sameShape(seed.data.shape, y.data.shape)) {
    throw new TypeError(
      `Cannot use gradOutputs[${index}] of shape ${
        formatShape(seed.data.shape)
      } in grad(): expected output ${index}'s shape ${
        formatShape(y.data.shape)
      }`,
    );
  }
  return seed;
}
