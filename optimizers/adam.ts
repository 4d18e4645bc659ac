import type { Parameter } from "../core/parameter.ts";
import {
  checkNonNegative,
  checkOptions,
  checkPositive,
  checkRate,
} from "./_check.ts";
import { Cursor } from "./_cursor.ts";
import { State } from "./_state.ts";
import { Optimizer } from "./optimizer.ts";

/**
 * Options of {@linkcode Adam}.
 *
 * @example
 * ```ts
 * import { array, Parameter } from "@dezero/core";
 * import { Adam } from "@dezero/core/optimizers";
 * import assert from "node:assert/strict";
 *
 * const w = new Parameter(array([1]));
 * const optimizer = new Adam(0.1, { beta1: 0.5, beta2: 0.5, eps: 0 })
 *   .setup([w]);
 * w.grad = array([3]);
 * optimizer.update();
 * // With bias correction and eps 0 the first step is exactly alpha.
 * assert.ok(Math.abs(w.data.get(0) - 0.9) < 1e-12);
 * ```
 */
export interface AdamOptions {
  /** The decay of the first moment (default `0.9`). */
  beta1?: number;
  /** The decay of the second moment (default `0.999`). */
  beta2?: number;
  /** Added to √v (default `1e-8`). */
  eps?: number;
}

/**
 * Adam as DeZero computes it. On update number t, m ← m + (1 − β₁)(g − m),
 * v ← v + (1 − β₂)(g² − v), and p ← p − lr · m / (√v + eps) with
 * lr = alpha · √(1 − β₂ᵗ) / (1 − β₁ᵗ).
 *
 * PyTorch's `Adam` divides by √(v / (1 − β₂ᵗ)) + eps instead, so its eps
 * acts √(1 − β₂ᵗ) times larger; with eps = 0 the two agree. Use
 * {@linkcode AdamW} for PyTorch's formula.
 *
 * @example
 * ```ts
 * import { array, Parameter } from "@dezero/core";
 * import { Adam } from "@dezero/core/optimizers";
 * import assert from "node:assert/strict";
 *
 * const w = new Parameter(array([1]));
 * const optimizer = new Adam(0.1).setup([w]);
 * w.grad = array([3]);
 * optimizer.update();
 * // The first step moves each element by about alpha, whatever g's size.
 * assert.ok(Math.abs(w.data.get(0) - 0.9) < 1e-7);
 * assert.equal(optimizer.t, 1);
 * ```
 */
export class Adam extends Optimizer {
  #alpha: number;
  /** The decay of the first moment. */
  readonly beta1: number;
  /** The decay of the second moment. */
  readonly beta2: number;
  /** Added to √v. */
  readonly eps: number;
  #t = 0;
  #m = new State();
  #v = new State();
  #param = new Cursor();
  #grad = new Cursor();

  /**
   * Make the optimizer.
   *
   * @param alpha The step size, a positive number (default `0.001`).
   * @param options `beta1`, `beta2`, `eps`.
   */
  constructor(alpha = 0.001, options?: AdamOptions) {
    super();
    const { beta1 = 0.9, beta2 = 0.999, eps = 1e-8 } = checkOptions(
      "Adam",
      options,
    );
    this.#alpha = checkPositive("Adam", "alpha", alpha);
    this.beta1 = checkRate("Adam", "beta1", beta1);
    this.beta2 = checkRate("Adam", "beta2", beta2);
    this.eps = checkNonNegative("Adam", "eps", eps);
  }

  /** The step size, a positive number. */
  get alpha(): number {
    return this.#alpha;
  }

  set alpha(value: number) {
    this.#alpha = checkPositive("Adam", "alpha", value);
  }

  /** The number of updates so far. */
  get t(): number {
    return this.#t;
  }

  /** The learning rate of update `t`: alpha · √(1 − β₂ᵗ) / (1 − β₁ᵗ). */
  get lr(): number {
    const fix1 = 1 - Math.pow(this.beta1, this.#t);
    const fix2 = 1 - Math.pow(this.beta2, this.#t);
    return this.#alpha * Math.sqrt(fix2) / fix1;
  }

  /** Count the update, then update every parameter with a gradient. */
  override update(): void {
    this.#t++;
    try {
      super.update();
    } catch (error) {
      this.#t--;
      throw error;
    }
  }

  /**
   * One Adam step, in place.
   *
   * @param param A parameter whose `grad` is set.
   */
  updateOne(param: Parameter): void {
    const p = param.data;
    const g = param.grad!.data;
    const pData = p.data;
    const gData = g.data;
    const size = param.size;
    const m = this.#m.of(param, size);
    const v = this.#v.of(param, size);
    const { beta1, beta2, eps } = this;
    const lr = this.lr;
    this.#param.reset(p);
    this.#grad.reset(g);
    // Contiguous arrays (the usual case) are indexed directly: a cursor call
    // per element cost several times the update.
    const ps = this.#param.start();
    const gs = this.#grad.start();
    for (let i = 0; i < size; i++) {
      const grad = gData[gs >= 0 ? gs + i : this.#grad.next()];
      m[i] += (1 - beta1) * (grad - m[i]);
      v[i] += (1 - beta2) * (grad * grad - v[i]);
      pData[ps >= 0 ? ps + i : this.#param.next()] -= lr * m[i] /
        (Math.sqrt(v[i]) + eps);
    }
  }
}
