import { describe } from "../core/_describe.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import { applyTransform, checkArray, isTransform } from "./_apply.ts";
import type { Transform } from "./transform.ts";

/**
 * Several transforms applied one after another, as DeZero's `Compose`.
 *
 * @example Flatten an image and scale its pixels to [0, 1]
 * ```ts
 * import { array, toNested } from "@dezero/core";
 * import { Compose, Flatten, Normalize } from "@dezero/core/transforms";
 * import assert from "node:assert/strict";
 *
 * const transform = new Compose([new Flatten(), new Normalize(0, 255)]);
 * const x = transform.call(array([[[0, 51], [255, 102]]]));
 * assert.deepEqual(toNested(x), [0, 0.2, 1, 0.4]);
 * ```
 */
export class Compose {
  /** The transforms, applied first to last. */
  readonly transforms: readonly Transform[];

  /**
   * Chain transforms.
   *
   * @param transforms Functions or transform objects, applied first to last.
   */
  constructor(transforms: readonly Transform[] = []) {
    if (!Array.isArray(transforms)) {
      throw new TypeError(
        `Cannot compose ${
          describe(transforms)
        } in Compose: expected an array of transforms`,
      );
    }
    transforms.forEach((transform, i) => {
      if (!isTransform(transform)) {
        throw new TypeError(
          `Cannot compose ${
            describe(transform)
          } at index ${i} in Compose: expected a function or an object with a call method`,
        );
      }
    });
    this.transforms = [...transforms];
  }

  /**
   * Apply every transform in turn.
   *
   * @param x The input array.
   * @returns The result of the last transform (`x` itself when there are none).
   */
  call(x: Float64NdArray): Float64NdArray {
    let y = checkArray("Compose", x);
    for (const transform of this.transforms) {
      y = applyTransform("Compose", transform, y);
    }
    return y;
  }
}
