// The one value of a one-element array, shared by Variable.item() and item().

import { type Float64NdArray, formatShape, sizeOf } from "./_ndarray.ts";

/** The one value of an array of one element, or a RangeError. */
export function itemOf(where: string, a: Float64NdArray): number {
  if (sizeOf(a.shape) !== 1) {
    throw new RangeError(
      `Cannot convert an array of shape ${
        formatShape(a.shape)
      } to a number: ${where} needs exactly one element, got ${
        sizeOf(a.shape)
      }`,
    );
  }
  // Every index of a one-element array is 0: the element is at the offset.
  return a.data[a.offset];
}
