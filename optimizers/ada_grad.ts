import type { Parameter } from "../core/parameter.ts";
import { checkNonNegative, checkOptions, checkPositive } from "./_check.ts";
import { Cursor } from "./_cursor.ts";
import { State } from "./_state.ts";
import { Optimizer } from "./optimizer.ts";

/**
 * Options of {@linkcode AdaGrad}.
 *
 * @example
 * ```ts
 * import { array, Parameter } from "@dezero/core";
 * import { AdaGrad } from "@dezero/core/optimizers";
 * import assert from "node:assert/strict";
 *
 * const w = new Parameter(array([1]));
 * const optimizer = new AdaGrad(0.1, { eps: 0 }).setup([w]);
 * w.grad = array([3]);
 * optimizer.update();
 * // h = g², so the first step is lr · g / |g| = lr.
 * assert.ok(Math.abs(w.data.get(0) - 0.9) < 1e-12);
 * ```
 */
export interface AdaGradOptions {
  /** Added to √h to keep the step finite (default `1e-8`). */
  eps?: number;
}

/**
 * AdaGrad: h ← h + g², p ← p − lr · g / (√h + eps), so each element's step
 * shrinks with the gradients it has seen. PyTorch's `Adagrad` with the same
 * `eps` (its default is 1e-10) computes the same.
 *
 * @example
 * ```ts
 * import { array, Parameter } from "@dezero/core";
 * import { AdaGrad } from "@dezero/core/optimizers";
 * import assert from "node:assert/strict";
 *
 * const w = new Parameter(array([1]));
 * const optimizer = new AdaGrad(0.1, { eps: 0 }).setup([w]);
 * w.grad = array([4]);
 * optimizer.update();
 * assert.equal(w.data.get(0), 0.9); // 1 - 0.1 · 4 / √16
 * ```
 */
export class AdaGrad extends Optimizer {
  #lr: number;
  /** Added to √h to keep the step finite. */
  readonly eps: number;
  #squares = new State();
  #param = new Cursor();
  #grad = new Cursor();

  /**
   * Make the optimizer.
   *
   * @param lr The learning rate, a positive number (default `0.001`).
   * @param options `eps`.
   */
  constructor(lr = 0.001, options?: AdaGradOptions) {
    super();
    const { eps = 1e-8 } = checkOptions("AdaGrad", options);
    this.#lr = checkPositive("AdaGrad", "lr", lr);
    this.eps = checkNonNegative("AdaGrad", "eps", eps);
  }

  /** The learning rate, a positive number. */
  get lr(): number {
    return this.#lr;
  }

  set lr(value: number) {
    this.#lr = checkPositive("AdaGrad", "lr", value);
  }

  /**
   * h ← h + g², p ← p − lr · g / (√h + eps), in place.
   *
   * @param param A parameter whose `grad` is set.
   */
  updateOne(param: Parameter): void {
    const p = param.data;
    const g = param.grad!.data;
    const pData = p.data;
    const gData = g.data;
    const size = param.size;
    const h = this.#squares.of(param, size);
    const lr = this.#lr;
    const eps = this.eps;
    this.#param.reset(p);
    this.#grad.reset(g);
    // Contiguous arrays (the usual case) are indexed directly: a cursor call
    // per element cost several times the update.
    const ps = this.#param.start();
    const gs = this.#grad.start();
    for (let i = 0; i < size; i++) {
      const grad = gData[gs >= 0 ? gs + i : this.#grad.next()];
      h[i] += grad * grad;
      pData[ps >= 0 ? ps + i : this.#param.next()] -= lr * grad /
        (Math.sqrt(h[i]) + eps);
    }
  }
}
