import type { Parameter } from "../core/parameter.ts";
import { checkNonNegative } from "./_check.ts";
import { Cursor } from "./_cursor.ts";
import { writableGrad } from "./_writable_grad.ts";

/**
 * An optimizer hook that adds L2 weight decay to the gradients, as DeZero's
 * `WeightDecay`: g ← g + rate · p. With {@linkcode SGD} this is PyTorch's
 * `weight_decay`. The gradient is copied into a buffer of the parameter's
 * own first (allocated once), since gradients may share storage.
 *
 * @example
 * ```ts
 * import { array, Parameter } from "@dezero/core";
 * import { SGD, WeightDecay } from "@dezero/core/optimizers";
 * import assert from "node:assert/strict";
 *
 * const w = new Parameter(array([10]));
 * const optimizer = new SGD(0.1).setup([w]).addHook(new WeightDecay(0.5));
 * w.grad = array([1]);
 * optimizer.update();
 * assert.equal(w.data.get(0), 10 - 0.1 * (1 + 0.5 * 10));
 * ```
 */
export class WeightDecay {
  /** The decay rate. */
  readonly rate: number;
  #cursor = new Cursor();

  /**
   * Make the hook.
   *
   * @param rate The decay rate, a number >= 0.
   */
  constructor(rate: number) {
    this.rate = checkNonNegative("WeightDecay", "rate", rate);
  }

  /**
   * Add rate · p to each parameter's gradient.
   *
   * @param params The parameters about to be updated.
   */
  call(params: Parameter[]): void {
    const rate = this.rate;
    for (const param of params) {
      if (param.grad === null) continue;
      const g = writableGrad(param);
      const gData = g.data;
      const p = param.data;
      const pData = p.data;
      const size = param.size;
      this.#cursor.reset(p);
      for (let i = 0, k = g.offset; i < size; i++, k++) {
        gData[k] += rate * pData[this.#cursor.next()];
      }
    }
  }
}
