import { binary, sumRow } from "../core/_kernels.ts";
import {
  type Float64NdArray,
  formatShape,
  sameShape,
} from "../core/_ndarray.ts";
import { matmulArray } from "../core/_tensor.ts";
import { Function, type Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { matmul } from "./matmul.ts";
import { sumTo } from "./sum_to.ts";
import { transpose } from "./transpose.ts";

/**
 * The affine map y = x · W + b of a fully connected layer, as one node of
 * the graph (DeZero's `Linear` function): the product and the sum keep no
 * intermediate result alive.
 *
 * @example
 * ```ts
 * import { array, Linear } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * // [1, 2] · [[3], [4]] + [5] = 16
 * const y = new Linear().call(array([[1, 2]]), array([[3], [4]]), array([5]));
 * assert.equal(y.data.get(0, 0), 16);
 * ```
 */
export class Linear extends Function {
  /** The bias may be left out: `linear(x, W)`. */
  override get optionalInputs(): number {
    return 1;
  }

  /** y = x · W (+ b, broadcast over the rows). */
  forward(
    x: Float64NdArray,
    W: Float64NdArray,
    b?: Float64NdArray,
  ): Float64NdArray {
    const y = matmulArray(this.name, x, W);
    if (b === undefined) return y;
    const out = binary(y, b, sumRow, this);
    if (!sameShape(out.shape, y.shape)) {
      throw new TypeError(
        `Cannot add a bias of shape ${formatShape(b.shape)} in ${this.name}: ` +
          `it must broadcast to the product's shape ${formatShape(y.shape)}`,
      );
    }
    return out;
  }

  /** ∂L/∂x = gy · Wᵀ, ∂L/∂W = xᵀ · gy, ∂L/∂b = gy summed to b's shape. */
  backward(gy: Variable): (Variable | null)[] {
    const [x, W, b] = this.inputs;
    const gx = this.needsInputGrad(0) ? matmul(gy, transpose(W)) : null;
    const gW = this.needsInputGrad(1) ? matmul(transpose(x), gy) : null;
    if (b === undefined) return [gx, gW];
    return [gx, gW, this.needsInputGrad(2) ? sumTo(gy, b.shape) : null];
  }
}

/**
 * The affine map of a fully connected layer: y = x · W + b, for an `[N, I]`
 * input, an `[I, O]` weight and an optional bias of shape `[O]` (anything
 * that broadcasts to `[N, O]`).
 *
 * @param x The input, `[N, I]`.
 * @param W The weight, `[I, O]`.
 * @param b The bias, or `null` / `undefined` for none.
 * @returns The `[N, O]` output, created by a {@linkcode Linear}.
 *
 * @example
 * ```ts
 * import { array, linear, toNested, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([[1, 2]]));
 * const W = new Variable(array([[1, 0, 2], [0, 1, 3]]));
 * const b = new Variable(array([10, 20, 30]));
 * const y = linear(x, W, b);
 * assert.deepEqual(toNested(y.data), [[11, 22, 38]]);
 * y.backward();
 * assert.deepEqual(toNested(b.grad!.data), [1, 1, 1]);
 * assert.deepEqual(toNested(W.grad!.data), [[1, 1, 1], [2, 2, 2]]);
 * ```
 */
export function linear(
  x: Operand,
  W: Operand,
  b?: Operand | null,
): Variable {
  return b === undefined || b === null
    ? new Linear().call(x, W)
    : new Linear().call(x, W, b);
}
