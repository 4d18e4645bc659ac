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
import { Pooling2DGrad } from "./pooling_2d_grad.ts";

/**
 * Read an input-shaped array at the elements that won a max pooling
 * (DeZero's `Pooling2DWithIndexes`): the gradient of
 * {@linkcode Pooling2DGrad}, and max pooling with the winners fixed.
 *
 * @example
 * ```ts
 * import { array, Pooling, Pooling2DWithIndexes, toNested, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const pool = new Pooling(2, 2);
 * pool.call(new Variable(array([[[[1, 2], [4, 3]]]])));
 * const y = new Pooling2DWithIndexes(pool).call(array([[[[10, 20], [30, 40]]]]));
 * assert.deepEqual(toNested(y.data), [[[[30]]]]);
 * ```
 */
export class Pooling2DWithIndexes extends Function {
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

  /** Gather x at the winners. */
  forward(x: Float64NdArray): Float64NdArray {
    const { indexes, inputShape, outputShape } = this.pooling;
    checkPooledShape(this.name, "x", x.shape, inputShape);
    const source = isContiguous(x) ? x : copyOf(x);
    const data = source.data;
    const offset = source.offset;
    const out = zerosOf(outputShape);
    const y = out.data;
    for (let i = 0; i < indexes.length; i++) y[i] = data[offset + indexes[i]];
    return out;
  }

  /** Linear in x: the gradient is scattered back to the winners. */
  backward(gy: Variable): Variable {
    return new Pooling2DGrad(this.pooling).call(gy);
  }
}
