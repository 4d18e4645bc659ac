import {
  copyOf,
  type Float64NdArray,
  isContiguous,
  zerosOf,
} from "../core/_ndarray.ts";
import { Function } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { checkPooledShape } from "./_conv.ts";
import type { Pooling } from "./pooling.ts";
import { Pooling2DWithIndexes } from "./pooling_2d_with_indexes.ts";

/**
 * The gradient of max pooling as a function of the upstream gradient
 * (DeZero's `Pooling2DGrad`): each window's gradient goes to the input
 * element that won it. Linear in `gy`, so its own gradient gathers at the
 * same places ({@linkcode Pooling2DWithIndexes}).
 *
 * @example
 * ```ts
 * import { array, Pooling, Pooling2DGrad, toNested, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const pool = new Pooling(2, 2);
 * pool.call(new Variable(array([[[[1, 2], [4, 3]]]])));
 * const gx = new Pooling2DGrad(pool).call(array([[[[5]]]]));
 * assert.deepEqual(toNested(gx.data), [[[[0, 0], [5, 0]]]]);
 * ```
 */
export class Pooling2DGrad extends Function {
  /** The max pooling whose winners this uses. */
  readonly pooling: Pooling;

  /**
   * Make the function.
   *
   * @param pooling A {@linkcode Pooling} that has run forward.
   */
  constructor(pooling: Pooling) {
    super();
    this.pooling = pooling;
  }

  /** Scatter-add gy into an input-shaped array at the winners. */
  forward(gy: Float64NdArray): Float64NdArray {
    const { indexes, inputShape, outputShape } = this.pooling;
    checkPooledShape(this.name, "gy", gy.shape, outputShape);
    const source = isContiguous(gy) ? gy : copyOf(gy);
    const data = source.data;
    const offset = source.offset;
    const out = zerosOf(inputShape);
    const gx = out.data;
    for (let i = 0; i < indexes.length; i++) {
      gx[indexes[i]] += data[offset + i];
    }
    return out;
  }

  /** Linear in gy: the gradient is read back at the winners. */
  backward(ggx: Variable): Variable {
    return new Pooling2DWithIndexes(this.pooling).call(ggx);
  }
}
