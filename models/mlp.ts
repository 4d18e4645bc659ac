import { describe } from "../core/_describe.ts";
import type { Variable } from "../core/variable.ts";
import { sigmoid } from "../functions/sigmoid.ts";
import { Linear } from "../layers/linear.ts";
import { Model } from "./model.ts";

/**
 * Options of {@linkcode MLP}.
 *
 * @example
 * ```ts
 * import { array, relu } from "@dezero/core";
 * import { MLP } from "@dezero/core/models";
 * import assert from "node:assert/strict";
 *
 * const model = new MLP([5, 1], { activation: relu });
 * assert.deepEqual([...model.call(array([[1, 2]])).shape], [1, 1]);
 * ```
 */
export interface MLPOptions {
  /** The function applied after every layer but the last (default `sigmoid`). */
  activation?: (x: Variable) => Variable;
}

/**
 * A multi-layer perceptron (DeZero's `MLP`): one {@linkcode Linear} layer
 * per output size, with input sizes taken from the data, and the activation
 * between them (not after the last). The layers are `l0`, `l1`, ...
 *
 * @example
 * ```ts
 * import { array, relu } from "@dezero/core";
 * import { MLP } from "@dezero/core/models";
 * import assert from "node:assert/strict";
 *
 * const model = new MLP([10, 3], { activation: relu });
 * const y = model.call(array([[0.1, 0.2], [0.3, 0.4]]));
 * assert.deepEqual(y.shape, [2, 3]);
 * assert.deepEqual(model.l1.W.shape, [10, 3]);
 * ```
 */
export class MLP extends Model {
  #layers: Linear[];
  #activation: (x: Variable) => Variable;
  /** The layers by name, `l0` to `l{n-1}`. */
  [name: `l${number}`]: Linear;

  /**
   * Make the layers.
   *
   * @param sizes The output size of each layer; the last is the model's.
   * @param options `activation`.
   */
  constructor(sizes: readonly number[], options: MLPOptions = {}) {
    super();
    if (!Array.isArray(sizes) || sizes.length === 0) {
      throw new TypeError(
        `Cannot use ${
          describe(sizes)
        } as the layer sizes of MLP: expected a non-empty array of positive integers`,
      );
    }
    const activation = options.activation ?? sigmoid;
    if (typeof activation !== "function") {
      throw new TypeError(
        `Cannot use ${
          describe(activation)
        } as the activation of MLP: expected a function`,
      );
    }
    this.#layers = sizes.map((size) => new Linear(size));
    this.#layers.forEach((layer, i) => this[`l${i}`] = layer);
    this.#activation = activation;
  }

  /** The layers, in order (a copy). */
  get layers(): Linear[] {
    return [...this.#layers];
  }

  /**
   * Apply the layers with the activation between them.
   *
   * @param x The input, `[N, I]`.
   * @returns The output of the last layer.
   */
  forward(x: Variable): Variable {
    const last = this.#layers.length - 1;
    for (let i = 0; i < last; i++) {
      x = this.#activation(this.#layers[i].call(x));
    }
    return this.#layers[last].call(x);
  }
}
