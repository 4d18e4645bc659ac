// The upstream gradients of a check: the caller's, validated, or random ones
// from the seed.

import { describe } from "../core/_describe.ts";
import {
  copyOf,
  type Float64NdArray,
  formatShape,
  isFloat64NdArray,
  sameShape,
} from "../core/_ndarray.ts";
import { randomUpstream } from "./_random.ts";

/** One upstream gradient per output, as contiguous copies. */
export function upstream(
  shapes: readonly (readonly number[])[],
  given: Float64NdArray | Float64NdArray[] | undefined,
  random: () => number,
  label: string,
): Float64NdArray[] {
  if (given === undefined) {
    return shapes.map((shape) => randomUpstream(shape, random));
  }
  const list = Array.isArray(given) ? given : [given];
  if (list.length !== shapes.length) {
    throw new TypeError(
      `Cannot use ${list.length} upstream gradient(s) for ${label}: it has ${shapes.length} output(s)`,
    );
  }
  list.forEach((gy, k) => {
    if (!isFloat64NdArray(gy) || !sameShape(gy.shape, shapes[k])) {
      throw new TypeError(
        `Cannot use ${
          describe(gy)
        } as the upstream gradient of output ${k} of ${label}: expected shape ${
          formatShape(shapes[k])
        }`,
      );
    }
  });
  return list.map((gy) => copyOf(gy));
}
