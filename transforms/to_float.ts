import { AsType, type DType } from "./as_type.ts";

/**
 * DeZero's `ToFloat`, the same as {@linkcode AsType}: values rounded to
 * float32 by default (as DeZero's MNIST pipeline does), kept in float64.
 *
 * @example
 * ```ts
 * import { array } from "@dezero/core";
 * import { ToFloat } from "@dezero/core/transforms";
 * import assert from "node:assert/strict";
 *
 * assert.equal(new ToFloat().call(array([1 / 3])).get(0), Math.fround(1 / 3));
 * ```
 */
export class ToFloat extends AsType {
  /**
   * Make a conversion.
   *
   * @param dtype `"float32"` (the default, as DeZero) or `"float64"`.
   */
  constructor(dtype: DType = "float32") {
    super(dtype);
  }
}
