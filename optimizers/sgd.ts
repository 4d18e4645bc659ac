import type { Parameter } from "../core/parameter.ts";
import { checkPositive } from "./_check.ts";
import { Cursor } from "./_cursor.ts";
import { Optimizer } from "./optimizer.ts";

/**
 * Stochastic gradient descent: p ← p − lr · g.
 *
 * @example
 * ```ts
 * import { array, Parameter } from "@dezero/core";
 * import { SGD } from "@dezero/core/optimizers";
 * import assert from "node:assert/strict";
 *
 * const w = new Parameter(array([1, 2]));
 * const optimizer = new SGD(0.5).setup([w]);
 * w.grad = array([2, -2]);
 * optimizer.update();
 * assert.deepEqual([w.data.get(0), w.data.get(1)], [0, 3]);
 * ```
 */
export class SGD extends Optimizer {
  #lr: number;
  #param = new Cursor();
  #grad = new Cursor();

  /**
   * Make the optimizer.
   *
   * @param lr The learning rate, a positive number (default `0.01`).
   */
  constructor(lr = 0.01) {
    super();
    this.#lr = checkPositive("SGD", "lr", lr);
  }

  /** The learning rate, a positive number. */
  get lr(): number {
    return this.#lr;
  }

  set lr(value: number) {
    this.#lr = checkPositive("SGD", "lr", value);
  }

  /**
   * p ← p − lr · g, in place.
   *
   * @param param A parameter whose `grad` is set.
   */
  updateOne(param: Parameter): void {
    const p = param.data;
    const g = param.grad!.data;
    const pData = p.data;
    const gData = g.data;
    const lr = this.#lr;
    const size = param.size;
    this.#param.reset(p);
    this.#grad.reset(g);
    // Contiguous arrays (the usual case) are indexed directly: a cursor call
    // per element cost several times the update.
    const ps = this.#param.start();
    const gs = this.#grad.start();
    for (let i = 0; i < size; i++) {
      const k = ps >= 0 ? ps + i : this.#param.next();
      pData[k] -= lr * gData[gs >= 0 ? gs + i : this.#grad.next()];
    }
  }
}
