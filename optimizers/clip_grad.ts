import type { Parameter } from "../core/parameter.ts";
import { checkPositive } from "./_check.ts";
import { Cursor } from "./_cursor.ts";
import { writableGrad } from "./_writable_grad.ts";

/**
 * An optimizer hook that rescales all gradients together when their global
 * L2 norm exceeds `maxNorm`, as DeZero's `ClipGrad` and PyTorch's
 * `clip_grad_norm_`: with rate = maxNorm / (norm + 1e-6), every gradient is
 * multiplied by rate when rate < 1.
 *
 * @example
 * ```ts
 * import { array, Parameter } from "@dezero/core";
 * import { ClipGrad, SGD } from "@dezero/core/optimizers";
 * import assert from "node:assert/strict";
 *
 * const w = new Parameter(array([0, 0]));
 * const optimizer = new SGD(1).setup([w]).addHook(new ClipGrad(1));
 * w.grad = array([3, 4]); // norm 5
 * optimizer.update();
 * assert.ok(Math.abs(w.data.get(0) + 0.6) < 1e-6);
 * assert.ok(Math.abs(w.data.get(1) + 0.8) < 1e-6);
 * ```
 */
export class ClipGrad {
  /** The largest global norm let through. */
  readonly maxNorm: number;
  #cursor = new Cursor();

  /**
   * Make the hook.
   *
   * @param maxNorm The largest global gradient norm, a positive number.
   */
  constructor(maxNorm: number) {
    this.maxNorm = checkPositive("ClipGrad", "maxNorm", maxNorm);
  }

  /**
   * Rescale the gradients if their global norm exceeds `maxNorm`.
   *
   * @param params The parameters about to be updated.
   */
  call(params: Parameter[]): void {
    let total = 0;
    for (const param of params) {
      if (param.grad === null) continue;
      const g = param.grad.data;
      const gData = g.data;
      const size = param.size;
      this.#cursor.reset(g);
      for (let i = 0; i < size; i++) {
        const value = gData[this.#cursor.next()];
        total += value * value;
      }
    }
    const rate = this.maxNorm / (Math.sqrt(total) + 1e-6);
    if (!(rate < 1)) return;
    for (const param of params) {
      if (param.grad === null) continue;
      const g = writableGrad(param);
      const gData = g.data;
      const end = g.offset + param.size;
      for (let k = g.offset; k < end; k++) gData[k] *= rate;
    }
  }
}
