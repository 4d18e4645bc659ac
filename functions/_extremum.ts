// The backward shared by Max and Min.

import { normalizeAxes } from "../core/_tensor.ts";
import type { Function } from "../core/function.ts";
import { Variable } from "../core/variable.ts";
import { combineArrays, keptShape } from "./_reduce.ts";
import { broadcastTo } from "./broadcast_to.ts";
import { mul } from "./mul.ts";
import { reshape } from "./reshape.ts";

/**
 * Options of {@linkcode max} and {@linkcode min}.
 *
 * @example
 * ```ts
 * import { array, max } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = max(array([[1, 5], [4, 2]]), { axis: 0, keepdims: true });
 * assert.deepEqual([...y.shape], [1, 2]);
 * assert.equal(y.data.get(0, 0), 4);
 * assert.equal(y.data.get(0, 1), 5);
 * ```
 */
export interface ExtremumOptions {
  /** The axis or axes to reduce (default: all). Negative counts from the end. */
  axis?: number | number[];
  /** Keep the reduced axes, with size 1 (default `false`). */
  keepdims?: boolean;
}

/**
 * The gradient of a max or min: gy goes to every input element equal to the
 * result of its group, as DeZero's `Max.backward` (`x == y`), so each of
 * several tied extremes gets the whole gy. The mask is a constant, so the
 * second derivative is 0, as it should be for a piecewise linear function.
 */
export function extremumGrad(
  f: Function,
  axis: number | number[] | undefined,
  gy: Variable,
): Variable {
  const x = f.inputs[0];
  const kept = keptShape(x.shape, normalizeAxes(f.name, axis, x.ndim));
  const y = reshape(f.outputs[0], kept).data;
  const mask = combineArrays(f.name, x.data, y, (v, m) => v === m ? 1 : 0);
  return mul(broadcastTo(reshape(gy, kept), x.shape), new Variable(mask));
}
