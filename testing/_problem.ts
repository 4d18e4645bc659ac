// The function under check, its arguments and settings: calling it at a
// point, reading its outputs, and backprop through the functional grad(), so
// that nothing of the caller's (not even a captured Variable's grad) changes.

import { describe } from "../core/_describe.ts";
import {
  copyOf,
  type Float64NdArray,
  formatShape,
  sameShape,
  toFlat,
  zerosOf,
} from "../core/_ndarray.ts";
import { grad } from "../core/grad.ts";
import { Variable } from "../core/variable.ts";
import type { CheckedFunction } from "./gradient_check.ts";
import { findForwardWrite, guardBackward, sameValues } from "./_guards.ts";
import { pointOf } from "./_inputs.ts";
import type { Reporter } from "./_report.ts";

/** `f` with its arguments: the checked ones replaced by points on each call. */
export class Problem {
  /** The arguments as passed to `f`; caller's Variables become copies. */
  readonly #passed: unknown[];
  /** Set while a call is guarded: an order-2 check watches f's backward. */
  guarding = false;
  /** The output shapes seen on the first call, to catch shape changes. */
  #shapes: (readonly number[])[] | null = null;

  constructor(
    readonly f: CheckedFunction,
    readonly report: Reporter,
    args: unknown[],
    readonly wrt: number[],
  ) {
    this.#passed = args.map((arg) =>
      arg instanceof Variable ? new Variable(pointOf(arg)) : arg
    );
  }

  /** The output shapes (after the first call). */
  get outputShapes(): (readonly number[])[] {
    return this.#shapes ?? [];
  }

  /** Call `f` with `variables` as the checked inputs. */
  callWith(variables: Variable[]): Variable[] {
    const args = [...this.#passed];
    this.wrt.forEach((i, k) => args[i] = variables[k]);
    const result = (this.f as (...a: unknown[]) => unknown)(...args);
    const outputs = Array.isArray(result) ? result : [result];
    if (
      outputs.length === 0 || !outputs.every((y) => y instanceof Variable)
    ) {
      throw new TypeError(
        `Cannot check ${this.report.label}: gradientCheck() expects it to return a Variable or an array of Variables, got ${
          describe(result)
        }`,
      );
    }
    const shapes = (outputs as Variable[]).map((y) => y.shape);
    if (this.#shapes === null) {
      this.#shapes = shapes;
    } else if (
      shapes.length !== this.#shapes.length ||
      shapes.some((s, k) => !sameShape(s, this.#shapes![k]))
    ) {
      throw new TypeError(
        `Cannot check ${this.report.label}: its outputs changed from ${
          this.#shapes.map(formatShape).join(", ")
        } to ${shapes.map(formatShape).join(", ")} between calls`,
      );
    }
    return outputs as Variable[];
  }

  /** The outputs' values at `points`, flat. */
  evaluate(points: Float64NdArray[]): Float64Array[] {
    return this.callWith(points.map((p) => new Variable(p))).map((y) =>
      toFlat(y.data)
    );
  }

  /**
   * Call `f` at copies of `points` and fail if anything wrote into an input:
   * first a function's forward (found by running each again on copies),
   * then `f` itself. Returns the outputs' values, flat.
   */
  guardedCall(points: Float64NdArray[]): Float64Array[] {
    const variables = points.map((p) => new Variable(copyOf(p)));
    this.guarding = true;
    let outputs: Variable[];
    try {
      outputs = this.callWith(variables);
    } finally {
      this.guarding = false;
    }
    const write = findForwardWrite(outputs);
    if (write !== null) this.report.fail(write);
    variables.forEach((x, k) => {
      if (!sameValues(x.data, points[k])) {
        this.report.fail(
          `${this.report.label} modified its ${
            this.report.inputNames[this.wrt[k]]
          } in place`,
        );
      }
    });
    return outputs.map((y) => toFlat(y.data));
  }

  /**
   * The gradients of the checked inputs for the upstream gradients `gys`,
   * by `grad()`: no `.grad` anywhere is written. With `guard`, every
   * backward in the graph is watched for in-place writes.
   */
  backprop(
    points: Float64NdArray[],
    gys: Float64NdArray[],
    guard = false,
  ): Float64NdArray[] {
    // Copies only when guarded: an in-place write shows there first, and
    // later calls need not pay for copies.
    const variables = points.map((p) => new Variable(guard ? copyOf(p) : p));
    this.guarding = guard;
    let outputs: Variable[];
    try {
      outputs = this.callWith(variables);
    } finally {
      this.guarding = false;
    }
    const seeds = gys.map((gy) => new Variable(guard ? copyOf(gy) : gy));
    if (guard) {
      guardBackward(outputs, (message) => this.report.fail(message));
    }
    const grads = grad(outputs, variables, {
      gradOutputs: seeds,
      allowUnused: true,
    });
    return grads.map((g, k) => {
      const x = variables[k];
      if (g === null) return zerosOf(x.shape);
      const name = this.report.inputNames[this.wrt[k]];
      if (!(g.data.data instanceof Float64Array)) {
        this.report.fail(
          `the gradient of ${name} has dtype ${g.data.dtype}, expected float64`,
        );
      }
      if (!sameShape(g.shape, x.shape)) {
        this.report.fail(
          `the gradient of ${name} has shape ${
            formatShape(g.shape)
          }, the input has shape ${formatShape(x.shape)}`,
        );
      }
      // A copy: a broken backward could hand back an array that aliases the
      // point, which the numerical pass is about to perturb.
      return copyOf(g.data);
    });
  }
}
