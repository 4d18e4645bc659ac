import { describe } from "../core/_describe.ts";
import { Parameter } from "../core/parameter.ts";
import { Layer } from "../layers/layer.ts";

/**
 * An optimizer hook that keeps some parameters fixed, as DeZero's
 * `FreezeParam`: it removes their gradients before the update, so the
 * optimizer skips them.
 *
 * @example Freeze the first layer of a model
 * ```ts
 * import { array } from "@dezero/core";
 * import { MLP } from "@dezero/core/models";
 * import { FreezeParam, SGD } from "@dezero/core/optimizers";
 * import assert from "node:assert/strict";
 *
 * const model = new MLP([3, 1]);
 * const optimizer = new SGD(0.1).setup(model).addHook(new FreezeParam(model.l0));
 * model.call(array([[1, 2]])).sum().backward();
 * const before = model.l0.W.data.get(0, 0);
 * optimizer.update();
 * assert.equal(model.l0.W.data.get(0, 0), before);
 * assert.equal(model.l0.W.grad, null);
 * ```
 */
export class FreezeParam {
  #frozen: Set<Parameter>;

  /**
   * Make the hook.
   *
   * @param targets Layers (all their parameters) and parameters to freeze.
   */
  constructor(...targets: (Layer | Parameter)[]) {
    this.#frozen = new Set();
    targets.forEach((target, i) => {
      if (target instanceof Parameter) {
        this.#frozen.add(target);
      } else if (target instanceof Layer) {
        for (const param of target.params()) this.#frozen.add(param);
      } else {
        throw new TypeError(
          `Cannot freeze ${
            describe(target)
          } (argument ${i}) in FreezeParam: expected a Layer or a Parameter`,
        );
      }
    });
  }

  /**
   * Remove the gradients of the frozen parameters.
   *
   * @param _params The parameters about to be updated (unused: the frozen
   * ones are known).
   */
  call(_params: Parameter[]): void {
    for (const param of this.#frozen) param.clearGrad();
  }
}
