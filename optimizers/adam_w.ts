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
 * Options of {@linkcode AdamW}.
 *
 * @example
 * ```ts
 * import { array, Parameter } from "@dezero/core";
 * import { AdamW } from "@dezero/core/optimizers";
 * import assert from "node:assert/strict";
 *
 * const w = new Parameter(array([1]));
 * const optimizer = new AdamW(0.1, { weightDecay: 0.5, eps: 0 }).setup([w]);
 * w.grad = array([3]);
 * optimizer.update();
 * // Decay by lr · weightDecay · w = 0.05, then Adam's first step of lr.
 * assert.ok(Math.abs(w.data.get(0) - 0.85) < 1e-12);
 * ```
 */
export interface AdamWOptions {
  /** The decay of the first moment (default `0.9`). */
  beta1?: number;
  /** The decay of the second moment (default `0.999`). */
  beta2?: number;
  /** Added to the bias-corrected √v (default `1e-8`). */
  eps?: number;
  /** The decoupled weight decay (default `0.01`, PyTorch's). */
  weightDecay?: number;
}

/**
 * Adam with decoupled weight decay, exactly as PyTorch's `AdamW`: on a
 * parameter's step t, p ← p · (1 − lr · weightDecay), then m ← β₁m + (1 −
 * β₁)g, v ← β₂v + (1 − β₂)g², and p ← p − lr / (1 − β₁ᵗ) · m / (√v / √(1 −
 * β₂ᵗ) + eps). Each parameter counts its own steps, as in PyTorch. With
 * `weightDecay: 0` it is PyTorch's `Adam` (not DeZero's {@linkcode Adam},
 * which places eps differently).
 *
 * @example
 * ```ts
 * import { array, Parameter } from "@dezero/core";
 * import { AdamW } from "@dezero/core/optimizers";
 * import assert from "node:assert/strict";
 *
 * const w = new Parameter(array([1]));
 * const optimizer = new AdamW(0.1, { weightDecay: 0.5 }).setup([w]);
 * w.grad = array([0]);
 * optimizer.update();
 * // No gradient: only the decay, 1 · (1 - 0.1 · 0.5).
 * assert.equal(w.data.get(0), 0.95);
 * ```
 */
export class AdamW extends Optimizer {
  #lr: number;
  /** The decay of the first moment. */
  readonly beta1: number;
  /** The decay of the second moment. */
  readonly beta2: number;
  /** Added to the bias-corrected √v. */
  readonly eps: number;
  /** The decoupled weight decay. */
  readonly weightDecay: number;
  #steps = new WeakMap<Parameter, number>();
  #m = new State();
  #v = new State();
  #param = new Cursor();
  #grad = new Cursor();

  /**
   * Make the optimizer.
   *
   * @param lr The learning rate, a positive number (default `0.001`).
   * @param options `beta1`, `beta2`, `eps`, `weightDecay`.
   */
  constructor(lr = 0.001, options?: AdamWOptions) {
    super();
    const { beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weightDecay = 0.01 } =
      checkOptions("AdamW", options);
    this.#lr = checkPositive("AdamW", "lr", lr);
    this.beta1 = checkRate("AdamW", "beta1", beta1);
    this.beta2 = checkRate("AdamW", "beta2", beta2);
    this.eps = checkNonNegative("AdamW", "eps", eps);
    this.weightDecay = checkNonNegative("AdamW", "weightDecay", weightDecay);
  }

  /** The learning rate, a positive number. */
  get lr(): number {
    return this.#lr;
  }

  set lr(value: number) {
    this.#lr = checkPositive("AdamW", "lr", value);
  }

  /**
   * One AdamW step, in place.
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
    const step = (this.#steps.get(param) ?? 0) + 1;
    this.#steps.set(param, step);
    const { beta1, beta2, eps } = this;
    const lr = this.#lr;
    const decay = 1 - lr * this.weightDecay;
    const stepSize = lr / (1 - Math.pow(beta1, step));
    const correction2 = Math.sqrt(1 - Math.pow(beta2, step));
    this.#param.reset(p);
    this.#grad.reset(g);
    // Contiguous arrays (the usual case) are indexed directly: a cursor call
    // per element cost several times the update.
    const ps = this.#param.start();
    const gs = this.#grad.start();
    for (let i = 0; i < size; i++) {
      const grad = gData[gs >= 0 ? gs + i : this.#grad.next()];
      const k = ps >= 0 ? ps + i : this.#param.next();
      m[i] = m[i] * beta1 + grad * (1 - beta1);
      v[i] = v[i] * beta2 + (1 - beta2) * grad * grad;
      const denominator = Math.sqrt(v[i]) / correction2 + eps;
      pData[k] = pData[k] * decay - stepSize * (m[i] / denominator);
    }
  }
}
