import { type Float64NdArray, toFlat, zerosOf } from "../core/_ndarray.ts";
import { registerOperator } from "../core/_operators.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import {
  type Index,
  type IndexItem,
  type ParsedIndex,
  parseIndex,
  planIndex,
  toIndex,
} from "./_index.ts";
import { GetItemGrad } from "./get_item_grad.ts";

export type { Index, IndexItem } from "./_index.ts";

/**
 * y = x[index], NumPy's basic and fancy indexing (see {@linkcode getItem}).
 *
 * @example
 * ```ts
 * import { array, GetItem } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = new GetItem(1).call(array([[1, 2], [3, 4]]));
 * assert.equal(y.data.get(0), 3);
 * assert.equal(y.data.get(1), 4);
 * ```
 */
export class GetItem extends Function {
  readonly #index: ParsedIndex;
  readonly #copy: IndexItem[];

  /**
   * Make a function that indexes its input with `index`.
   *
   * @param index The index, as {@linkcode getItem} reads it.
   */
  constructor(index: Index) {
    super();
    this.#index = parseIndex("GetItem", index);
    this.#copy = toIndex(this.#index);
  }

  /** The index this function applies (a copy: entries, one per axis). */
  get index(): Index {
    return this.#copy;
  }

  /** A gather through the index's table into a new contiguous array. */
  forward(x: Float64NdArray): Float64NdArray {
    const { outShape, source } = planIndex(this.name, this.#index, x.shape);
    const flat = toFlat(x);
    const out = zerosOf(outShape);
    for (let k = 0; k < source.length; k++) {
      out.data[out.offset + k] = flat[source[k]];
    }
    return out;
  }

  /**
   * Each element of gy goes back to the position it was read from; a
   * position read several times gets the sum ({@linkcode GetItemGrad}).
   */
  backward(gy: Variable): Variable {
    return new GetItemGrad(this.#copy, this.inputs[0].shape).call(gy);
  }
}

/**
 * Index `x` as NumPy's `x[...]`. The index is one entry for axis 0, or an
 * array with one entry per leading axis (Python's tuple; missing trailing
 * axes are taken whole). Each entry is:
 *
 * - an integer: picks one position and removes the axis; negative counts
 *   from the end;
 * - a {@linkcode slice}: `slice(start, stop, step)` keeps the axis, as
 *   `start:stop:step` (negative positions and steps allowed);
 * - an array of integers (nested numbers, a float64 ndarray or a Variable):
 *   fancy indexing, picking positions along the axis, repeats allowed.
 *
 * Several arrays pair up element by element, broadcast together, as NumPy's
 * `x[[0, 1], [2, 0]]` reads x[0, 2] and x[1, 0]. As in NumPy, with an array
 * among the entries integers act as arrays too, and the broadcast axes go
 * where the arrays are if those entries are adjacent, and first otherwise.
 * Note that a top-level array is always a list of entries: `getItem(x, [0,
 * 2])` is `x[0, 2]`; fancy indexing along axis 0 is `getItem(x, [[0, 2]])`.
 * The gradient adds gy back into the positions read, summing repeats.
 *
 * @param x The input.
 * @param index The index: an entry, or an array of entries.
 * @returns A new variable whose creator is a {@linkcode GetItem}.
 *
 * @example
 * ```ts
 * import { array, getItem, slice, toNested, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([[1, 2, 3], [4, 5, 6]]));
 * assert.deepEqual(toNested(getItem(x, 1).data), [4, 5, 6]);
 * assert.deepEqual(toNested(getItem(x, [slice(), -1]).data), [3, 6]);
 * // Paired fancy indexing: log-probabilities of the labels, as x[arange(N), t].
 * const picked = getItem(x, [[0, 1], [2, 0]]);
 * assert.deepEqual(toNested(picked.data), [3, 4]);
 * // Repeated positions accumulate their gradients.
 * const y = getItem(x, [1, [0, 0, 2]]);
 * y.backward();
 * assert.deepEqual(toNested(x.grad!.data), [[0, 0, 0], [2, 0, 1]]);
 * ```
 */
export function getItem(x: Operand, index: Index): Variable {
  return new GetItem(index).call(x);
}

registerOperator("getItem", getItem);
