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
 * Options of {@linkcode AdaDelta}.
 *
 * @example
 * ```ts
 * import { array, Parameter } from "@dezero/core";
 * import { AdaDelta } from "@dezero/core/optimizers";
 * import assert from "node:assert/strict";
 *
 * const w = new Parameter(array([1]));
 * const optimizer = new AdaDelta({ rho: 0.5, eps: 1, lr: 2 }).setup([w]);
 * w.grad = array([3]);
 * optimizer.update();
 * // msg = 0.5 · 3² = 4.5; dx = sqrt((0 + 1) / (4.5 + 1)) · 3; w -= lr · dx.
 * const expected = 1 - 2 * Math.sqrt(1 / 5.5) * 3;
 * assert.ok(Math.abs(w.data.get(0) - expected) < 1e-12);
 * ```
 */
export interface AdaDeltaOptions {
  /** The decay of both moving averages (default `0.95`, DeZero's). */
  rho?: number;
  /** Added inside both square roots (default `1e-6`). */
  eps?: number;
  /**
   * Scales the step (default `1`, DeZero's AdaDelta, which has none);
   * PyTorch's `Adadelta` has it too.
   */
  lr?: number;
}

/**
 * AdaDelta, which needs no learning rate: with moving averages of g² (msg)
 * and of the steps² (msdx), dx = √((msdx + eps) / (msg + eps)) · g and
 * p ← p − lr · dx. Equal to PyTorch's `Adadelta` with the same `rho`,
 * `eps` and `lr`.
 *
 * @example
 * ```ts
 * import { array, Parameter } from "@dezero/core";
 * import { AdaDelta } from "@dezero/core/optimizers";
 * import assert from "node:assert/strict";
 *
 * const w = new Parameter(array([1]));
 * const optimizer = new AdaDelta({ rho: 0.5, eps: 1e-6 }).setup([w]);
 * w.grad = array([2]);
 * optimizer.update();
 * // msg = 0.5 · 4 = 2, dx = √(1e-6 / (2 + 1e-6)) · 2
 * assert.ok(Math.abs(w.data.get(0) - (1 - Math.sqrt(1e-6 / (2 + 1e-6)) * 2)) < 1e-15);
 * ```
 */
export class AdaDelta extends Optimizer {
  /** The decay of both moving averages. */
  readonly rho: number;
  /** Added inside both square roots. */
  readonly eps: number;
  #lr: number;
  #meanSquareGrad = new State();
  #meanSquareStep = new State();
  #param = new Cursor();
  #grad = new Cursor();

  /**
   * Make the optimizer.
   *
   * @param options `rho`, `eps`, `lr`.
   */
  constructor(options?: AdaDeltaOptions) {
    super();
    const { rho = 0.95, eps = 1e-6, lr = 1 } = checkOptions(
      "AdaDelta",
      options,
    );
    this.rho = checkRate("AdaDelta", "rho", rho);
    this.eps = checkNonNegative("AdaDelta", "eps", eps);
    this.#lr = checkPositive("AdaDelta", "lr", lr);
  }

  /** The factor of the step, a positive number (1 in DeZero). */
  get lr(): number {
    return this.#lr;
  }

  set lr(value: number) {
    this.#lr = checkPositive("AdaDelta", "lr", value);
  }

  /**
   * One AdaDelta step, in place.
   *
   * @param param A parameter whose `grad` is set.
   */
  updateOne(param: Parameter): void {
    const p = param.data;
    const g = param.grad!.data;
    const pData = p.data;
    const gData = g.data;
    const size = param.size;
    const msg = this.#meanSquareGrad.of(param, size);
    const msdx = this.#meanSquareStep.of(param, size);
    const { rho, eps } = this;
    const lr = this.#lr;
    this.#param.reset(p);
    this.#grad.reset(g);
    // Contiguous arrays (the usual case) are indexed directly: a cursor call
    // per element cost several times the update.
    const ps = this.#param.start();
    const gs = this.#grad.start();
    for (let i = 0; i < size; i++) {
      const grad = gData[gs >= 0 ? gs + i : this.#grad.next()];
      msg[i] = msg[i] * rho + (1 - rho) * grad * grad;
      const dx = Math.sqrt((msdx[i] + eps) / (msg[i] + eps)) * grad;
      msdx[i] = msdx[i] * rho + (1 - rho) * dx * dx;
      pData[ps >= 0 ? ps + i : this.#param.next()] -= lr * dx;
    }
  }
}
