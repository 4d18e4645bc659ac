import {
  type Float64NdArray,
  formatShape,
  sameShape,
  toFlat,
  zerosOf,
} from "../core/_ndarray.ts";
import { checkShape } from "../core/_check_shape.ts";
import { Function } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import {
  type Index,
  type IndexItem,
  type IndexPlan,
  parseIndex,
  planIndex,
  toIndex,
} from "./_index.ts";
import { GetItem } from "./get_item.ts";

/**
 * The backward of {@linkcode GetItem}: a zero array of the input's shape
 * with gy added at the positions the index reads (repeats accumulate).
 * Linear in gy, so its own backward is the same indexing again.
 *
 * @example
 * ```ts
 * import { array, GetItemGrad, toNested } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const scatter = new GetItemGrad([[0, 2, 2]], [4]);
 * const gx = scatter.call(array([1, 10, 100]));
 * assert.deepEqual(toNested(gx.data), [1, 0, 110, 0]);
 * ```
 */
export class GetItemGrad extends Function {
  readonly #copy: IndexItem[];
  readonly #plan: IndexPlan;
  /** The shape of the indexed input, which the result takes. */
  readonly inShape: readonly number[];

  /**
   * Make the scatter-add for `index` applied to arrays of shape `inShape`.
   *
   * @param index The index, as {@linkcode getItem} reads it.
   * @param inShape The shape of the array that was indexed.
   */
  constructor(index: Index, inShape: readonly number[]) {
    super();
    checkShape("GetItemGrad", inShape);
    const parsed = parseIndex("GetItemGrad", index);
    this.#copy = toIndex(parsed);
    this.inShape = [...inShape];
    this.#plan = planIndex("GetItemGrad", parsed, this.inShape);
  }

  /** gx = 0, then gx[source[k]] += gy[k] for every element k of gy. */
  forward(gy: Float64NdArray): Float64NdArray {
    const { outShape, source } = this.#plan;
    if (!sameShape(gy.shape, outShape)) {
      throw new TypeError(
        `Cannot scatter a gradient of shape ${
          formatShape(gy.shape)
        } in ${this.name}: the index gives shape ${
          formatShape(outShape)
        } from shape ${formatShape(this.inShape)}`,
      );
    }
    const flat = toFlat(gy);
    const gx = zerosOf(this.inShape);
    for (let k = 0; k < source.length; k++) {
      gx.data[gx.offset + source[k]] += flat[k];
    }
    return gx;
  }

  /** The scatter is linear: its gradient gathers with the same index. */
  backward(ggx: Variable): Variable {
    return new GetItem(this.#copy).call(ggx);
  }
}
