import type { Parameter } from "../core/parameter.ts";
import { checkNonNegative, checkPositive } from "./_check.ts";
import { Cursor } from "./_cursor.ts";
import { State } from "./_state.ts";
import { Optimizer } from "./optimizer.ts";

/**
 * Gradient descent with momentum, as DeZero: v ← momentum · v − lr · g,
 * p ← p + v, with v starting at zero. For a constant learning rate this is
 * PyTorch's `SGD(momentum=...)` (its buffer is −v / lr).
 *
 * @example
 * ```ts
 * import { array, Parameter } from "@dezero/core";
 * import { MomentumSGD } from "@dezero/core/optimizers";
 * import assert from "node:assert/strict";
 *
 * const w = new Parameter(array([0]));
 * const optimizer = new MomentumSGD(0.1, 0.5).setup([w]);
 * for (let i = 0; i < 2; i++) {
 *   w.grad = array([1]);
 *   optimizer.update();
 * }
 * // v = -0.1, then 0.5 · (-0.1) - 0.1 = -0.15: w = -0.25
 * assert.ok(Math.abs(w.data.get(0) + 0.25) < 1e-15);
 * ```
 */
export class MomentumSGD extends Optimizer {
  #lr: number;
  /** The decay of the velocity, a number >= 0 (default 0.9). */
  readonly momentum: number;
  #velocity = new State();
  #param = new Cursor();
  #grad = new Cursor();

  /**
   * Make the optimizer.
   *
   * @param lr The learning rate, a positive number (default `0.01`).
   * @param momentum The decay of the velocity (default `0.9`).
   */
  constructor(lr = 0.01, momentum = 0.9) {
    super();
    this.#lr = checkPositive("MomentumSGD", "lr", lr);
    this.momentum = checkNonNegative("MomentumSGD", "momentum", momentum);
  }

  /** The learning rate, a positive number. */
  get lr(): number {
    return this.#lr;
  }

  set lr(value: number) {
    this.#lr = checkPositive("MomentumSGD", "lr", value);
  }

  /**
   * v ← momentum · v − lr · g, p ← p + v, in place.
   *
   * @param param A parameter whose `grad` is set.
   */
  updateOne(param: Parameter): void {
    const p = param.data;
    const g = param.grad!.data;
    const pData = p.data;
    const gData = g.data;
    const size = param.size;
    const v = this.#velocity.of(param, size);
    const lr = this.#lr;
    const momentum = this.momentum;
    this.#param.reset(p);
    this.#grad.reset(g);
    // Contiguous arrays (the usual case) are indexed directly: a cursor call
    // per element cost several times the update.
    const ps = this.#param.start();
    const gs = this.#grad.start();
    for (let i = 0; i < size; i++) {
      v[i] = v[i] * momentum - lr * gData[gs >= 0 ? gs + i : this.#grad.next()];
      pData[ps >= 0 ? ps + i : this.#param.next()] += v[i];
    }
  }
}
