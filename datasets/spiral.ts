import { Dataset } from "./dataset.ts";
import { getSpiral } from "./get_spiral.ts";

/**
 * DeZero's spiral dataset: the points of {@linkcode getSpiral} (300 points,
 * three classes), the same as DeZero's for the same split.
 *
 * @example Book step 49
 * ```ts
 * import { Spiral } from "@dezero/core/datasets";
 * import assert from "node:assert/strict";
 *
 * const trainSet = new Spiral({ train: true });
 * assert.equal(trainSet.length, 300);
 * const [x, t] = trainSet.get(0);
 * assert.deepEqual(x.shape, [2]);
 * assert.equal(t?.get(), 1);
 * ```
 */
export class Spiral extends Dataset {
  /** Load the points of the split. */
  protected override prepare(): void {
    [this.data, this.label] = getSpiral({ train: this.train });
  }
}
