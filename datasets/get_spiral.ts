import { describe } from "../core/_describe.ts";
import { type Float64NdArray, zerosOf } from "../core/_ndarray.ts";
import { permutation } from "../random/permutation.ts";
import { randn } from "../random/randn.ts";
import { seed } from "../random/seed.ts";

/**
 * Options of {@linkcode getSpiral}.
 *
 * @example
 * ```ts
 * import { getSpiral } from "@dezero/core/datasets";
 * import assert from "node:assert/strict";
 *
 * const [x, t] = getSpiral({ train: false });
 * assert.deepEqual([...x.shape], [300, 2]);
 * assert.deepEqual([...t.shape], [300]);
 * ```
 */
export interface GetSpiralOptions {
  /** The training points (seed 1984, default) or the test points (seed 2020). */
  train?: boolean;
}

/**
 * DeZero's `get_spiral`: 300 points on three spiral arms, 100 per class,
 * shuffled. It seeds the global generator (1984 for training, 2020 for test)
 * as DeZero does, so the points are DeZero's, and so are the numbers drawn
 * after it. Points are rounded to float32 as DeZero stores them.
 *
 * @param options `train` selects the split (default true).
 * @returns `[x, t]`: points of shape `[300, 2]` and class labels 0, 1, 2 of shape `[300]`.
 *
 * @example
 * ```ts
 * import { getSpiral } from "@dezero/core/datasets";
 * import assert from "node:assert/strict";
 *
 * const [x, t] = getSpiral({ train: true });
 * assert.deepEqual(x.shape, [300, 2]);
 * assert.deepEqual(t.shape, [300]);
 * assert.ok([0, 1, 2].includes(t.get(0)));
 * ```
 */
export function getSpiral(
  options: GetSpiralOptions = {},
): [Float64NdArray, Float64NdArray] {
  const train = options?.train ?? true;
  if (typeof train !== "boolean") {
    throw new TypeError(
      `Cannot use ${
        describe(train)
      } as train in getSpiral(): expected a boolean`,
    );
  }
  seed(train ? 1984 : 2020);
  const numData = 100;
  const numClass = 3;
  const size = numData * numClass;
  const points = new Float64Array(size * 2);
  const classes = new Float64Array(size);
  for (let j = 0; j < numClass; j++) {
    for (let i = 0; i < numData; i++) {
      const rate = i / numData;
      const radius = 1.0 * rate;
      const theta = j * 4.0 + 4.0 * rate + randn() * 0.2;
      const k = numData * j + i;
      points[2 * k] = Math.fround(radius * Math.sin(theta));
      points[2 * k + 1] = Math.fround(radius * Math.cos(theta));
      classes[k] = j;
    }
  }
  const order = permutation(size);
  const x = zerosOf([size, 2]);
  const t = zerosOf([size]);
  for (let k = 0; k < size; k++) {
    const from = order.data[order.offset + k];
    x.data[x.offset + 2 * k] = points[2 * from];
    x.data[x.offset + 2 * k + 1] = points[2 * from + 1];
    t.data[t.offset + k] = classes[from];
  }
  return [x, t];
}
