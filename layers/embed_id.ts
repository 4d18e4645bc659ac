import { toFlat } from "../core/_ndarray.ts";
import { Parameter } from "../core/parameter.ts";
import type { Variable } from "../core/variable.ts";
import { getItem } from "../functions/get_item.ts";
import { randn } from "../random/randn.ts";
import { checkSize } from "./_check.ts";
import { Layer } from "./layer.ts";

/**
 * An embedding (DeZero's `EmbedID`): row `id` of a `[inSize, outSize]`
 * weight for every id of the input, so ids of shape `S` give vectors of
 * shape `[...S, outSize]`. W is drawn as standard normal values (unscaled,
 * as DeZero) from the global generator. The gradient of W adds up the
 * gradients of every row looked up, an id seen twice counting twice.
 *
 * @example
 * ```ts
 * import { array, toNested } from "@dezero/core";
 * import { EmbedID } from "@dezero/core/layers";
 * import assert from "node:assert/strict";
 *
 * const embed = new EmbedID(5, 3);
 * const y = embed.call(array([[1, 4], [1, 0]]));
 * assert.deepEqual(y.shape, [2, 2, 3]);
 * y.sum().backward();
 * assert.deepEqual(toNested(embed.W.grad!.data).map((row) => row[0]), [1, 2, 0, 0, 1]);
 * ```
 */
export class EmbedID extends Layer {
  /** The weight, `[inSize, outSize]`: one row per id. */
  W: Parameter;

  /**
   * Make an embedding of `inSize` ids into vectors of `outSize`.
   *
   * @param inSize The number of ids, a positive integer.
   * @param outSize The vector size, a positive integer.
   */
  constructor(inSize: number, outSize: number) {
    super();
    checkSize("EmbedID", "inSize", inSize);
    checkSize("EmbedID", "outSize", outSize);
    this.W = new Parameter(randn(inSize, outSize), { name: "W" });
  }

  /**
   * Look up the rows of W.
   *
   * @param ids The ids, integers from 0 to `inSize - 1`, any shape.
   * @returns The vectors, `[...ids.shape, outSize]`.
   * @throws {RangeError} If an id is not an integer in range.
   */
  forward(ids: Variable): Variable {
    const count = this.W.shape[0];
    // NumPy would wrap a negative id; an embedding has no use for that, and
    // PyTorch rejects it, so we do too.
    for (const id of toFlat(ids.data)) {
      if (!Number.isInteger(id) || id < 0 || id >= count) {
        throw new RangeError(
          `Cannot look up id ${id} in EmbedID: expected integers from 0 to ${
            count - 1
          }, as W has shape [${this.W.shape.join(",")}]`,
        );
      }
    }
    return getItem(this.W, ids);
  }
}
