import { describe } from "../core/_describe.ts";
import { copyOf, type Float64NdArray, sizeOf } from "../core/_ndarray.ts";
import { checkArray } from "./_apply.ts";

/**
 * The element types {@linkcode AsType} can round to.
 *
 * @example
 * ```ts
 * import { array } from "@dezero/core";
 * import { AsType, type DType } from "@dezero/core/transforms";
 * import assert from "node:assert/strict";
 *
 * const dtype: DType = "float32";
 * const y = new AsType(dtype).call(array([0.1]));
 * assert.equal(y.get(0), Math.fround(0.1));
 * ```
 */
export type DType = "float32" | "float64";

/**
 * Round an array's values to a dtype, as DeZero's `AsType`. This library
 * stores float64 only, so `"float32"` (DeZero's default) rounds every value
 * to the nearest float32 with `Math.fround` and keeps it in float64: the
 * values are exactly those of NumPy's `astype(np.float32)`, the arithmetic
 * that follows stays float64. `"float64"` copies.
 *
 * @example
 * ```ts
 * import { array } from "@dezero/core";
 * import { AsType } from "@dezero/core/transforms";
 * import assert from "node:assert/strict";
 *
 * const x = new AsType("float32").call(array([0.1, 2]));
 * assert.equal(x.get(0), Math.fround(0.1));
 * assert.equal(x.get(1), 2);
 * assert.equal(new AsType("float64").call(array([0.1])).get(0), 0.1);
 * ```
 */
export class AsType {
  /** The dtype the values are rounded to. */
  readonly dtype: DType;

  /**
   * Make a conversion.
   *
   * @param dtype `"float32"` (the default, as DeZero) or `"float64"`.
   */
  constructor(dtype: DType = "float32") {
    if (dtype !== "float32" && dtype !== "float64") {
      throw new TypeError(
        `Cannot convert to ${
          describe(dtype)
        } in ${new.target.name}: expected "float32" or "float64"`,
      );
    }
    this.dtype = dtype;
  }

  /**
   * Convert `x`.
   *
   * @param x The input array.
   * @returns A new array holding the values rounded to the dtype.
   */
  call(x: Float64NdArray): Float64NdArray {
    const out = copyOf(checkArray(this.constructor.name, x));
    if (this.dtype === "float32") {
      const data = out.data;
      const end = out.offset + sizeOf(out.shape);
      for (let k = out.offset; k < end; k++) data[k] = Math.fround(data[k]);
    }
    return out;
  }
}
