// Hooks change gradients before the update (weight decay, clipping). A
// gradient's storage may be shared (Add's backward hands the same gradient
// to both inputs) or a broadcast view, so hooks never write into it: each
// parameter gets one buffer of its own, allocated once, which the hook fills
// with a copy and then changes in place.

import { type Float64NdArray, sameShape, zerosOf } from "../core/_ndarray.ts";
import type { Parameter } from "../core/parameter.ts";
import { Variable } from "../core/variable.ts";
import { Cursor } from "./_cursor.ts";

const buffers = new WeakMap<Parameter, Variable>();
const cursor = new Cursor();

/**
 * The gradient of `param` (which must have one), as a contiguous array that
 * may be changed in place; `param.grad` is set to the Variable holding it.
 */
export function writableGrad(param: Parameter): Float64NdArray {
  const grad = param.grad as Variable;
  let own = buffers.get(param);
  if (own === grad) return own.data;
  const source = grad.data;
  if (own === undefined || !sameShape(own.data.shape, source.shape)) {
    own = new Variable(zerosOf(source.shape));
    buffers.set(param, own);
  }
  const target = own.data;
  const from = source.data;
  const to = target.data;
  const size = grad.size;
  cursor.reset(source);
  for (let i = 0, k = target.offset; i < size; i++, k++) {
    to[k] = from[cursor.next()];
  }
  param.grad = own;
  return target;
}
