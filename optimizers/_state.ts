// Per-parameter state of an optimizer (moments, accumulators): allocated
// once per parameter and kept in a WeakMap, so a parameter that is dropped
// takes its state with it.

import type { Parameter } from "../core/parameter.ts";

/** Zero-initialised state arrays, one per parameter, of the parameter's size. */
export class State {
  #arrays = new WeakMap<Parameter, Float64Array>();

  /**
   * The state of `param`, zeros at first. It is allocated again (zeros)
   * only if the parameter's size changed, as after loading other weights.
   */
  of(param: Parameter, size: number): Float64Array {
    let array = this.#arrays.get(param);
    if (array === undefined || array.length !== size) {
      array = new Float64Array(size);
      this.#arrays.set(param, array);
    }
    return array;
  }
}
