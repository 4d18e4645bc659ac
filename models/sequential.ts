import { describe } from "../core/_describe.ts";
import type { Variable } from "../core/variable.ts";
import { Layer } from "../layers/layer.ts";
import { Model } from "./model.ts";

/**
 * Layers applied one after the other (DeZero's `Sequential`). The layers
 * are the properties `l0`, `l1`, ..., so their parameters are named
 * `l0/W`, `l0/b`, ... in weight files, as in DeZero.
 *
 * @example
 * ```ts
 * import { array } from "@dezero/core";
 * import { Linear } from "@dezero/core/layers";
 * import { Sequential } from "@dezero/core/models";
 * import assert from "node:assert/strict";
 *
 * const model = new Sequential(new Linear(4), new Linear(2));
 * const y = model.call(array([[1, 2, 3]]));
 * assert.deepEqual(y.shape, [1, 2]);
 * assert.deepEqual([...model.flattenParams().keys()], ["l0/W", "l0/b", "l1/W", "l1/b"]);
 * ```
 */
export class Sequential extends Model {
  #layers: Layer[];
  /** The layers by name, `l0` to `l{n-1}`. */
  [name: `l${number}`]: Layer;

  /**
   * Chain the given layers.
   *
   * @param layers The layers, first applied first.
   */
  constructor(...layers: Layer[]) {
    super();
    layers.forEach((layer, i) => {
      if (!(layer instanceof Layer)) {
        throw new TypeError(
          `Cannot use ${
            describe(layer)
          } as layer ${i} of Sequential: expected a Layer`,
        );
      }
      this[`l${i}`] = layer;
    });
    this.#layers = layers;
  }

  /** The layers, in order (a copy). */
  get layers(): Layer[] {
    return [...this.#layers];
  }

  /**
   * Apply each layer to the previous one's output.
   *
   * @param x The input.
   * @returns The last layer's output.
   */
  forward(x: Variable): Variable {
    for (const layer of this.#layers) x = layer.call(x);
    return x;
  }
}
