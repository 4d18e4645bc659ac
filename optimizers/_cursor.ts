// Walking an ndarray's storage element by element without allocating:
// optimizers update parameters in place on every step, and a parameter or
// gradient may be a strided view with an offset.

import { type Float64NdArray, isContiguous } from "../core/_ndarray.ts";

/** Storage offsets of an array's elements in row-major order, one per `next()`. */
export class Cursor {
  #counter = new Int32Array(8);
  #shape: readonly number[] = [];
  #stride: readonly number[] = [];
  #offset = 0;
  #contiguous = true;

  /** Start at the first element of `a`. */
  reset(a: Float64NdArray): void {
    this.#offset = a.offset;
    this.#contiguous = isContiguous(a);
    if (this.#contiguous) return;
    this.#shape = a.shape;
    this.#stride = a.stride;
    if (this.#counter.length < a.shape.length) {
      this.#counter = new Int32Array(a.shape.length);
    } else {
      this.#counter.fill(0);
    }
  }

  /**
   * The storage offset of the first element when the array reset to is
   * contiguous (element i is then at `start() + i`, without calling
   * `next()`), else -1.
   */
  start(): number {
    return this.#contiguous ? this.#offset : -1;
  }

  /** The storage offset of the current element; moves to the next. */
  next(): number {
    if (this.#contiguous) return this.#offset++;
    const current = this.#offset;
    const shape = this.#shape;
    const stride = this.#stride;
    const counter = this.#counter;
    for (let axis = shape.length - 1; axis >= 0; axis--) {
      this.#offset += stride[axis];
      if (++counter[axis] < shape[axis]) break;
      this.#offset -= stride[axis] * shape[axis];
      counter[axis] = 0;
    }
    return current;
  }
}
