import { DataLoader } from "./data_loader.ts";
import type { LoaderDataset } from "./_stack.ts";

/**
 * Batches for truncated backpropagation through time, as DeZero's
 * `SeqDataLoader`: the data is cut into `batchSize` equal runs and batch `k`
 * holds example `k` of every run (`(i * jump + k) % length` with
 * `jump = floor(length / batchSize)`), so consecutive batches continue each
 * sequence. There is no shuffling.
 *
 * @example Two sequences read side by side
 * ```ts
 * import { array, toNested } from "@dezero/core";
 * import { Dataset } from "@dezero/core/datasets";
 * import { SeqDataLoader } from "@dezero/core/dataloaders";
 * import assert from "node:assert/strict";
 *
 * class Counting extends Dataset {
 *   protected override prepare(): void {
 *     this.data = array([0, 1, 2, 3, 4, 5]);
 *     this.label = array([1, 2, 3, 4, 5, 6]);
 *   }
 * }
 * const loader = new SeqDataLoader(new Counting(), 2);
 * const [x, t] = loader.next().value!;
 * assert.deepEqual(toNested(x), [0, 3]);
 * assert.deepEqual(toNested(t), [1, 4]);
 * assert.deepEqual(toNested(loader.next().value![0]), [1, 4]);
 * ```
 */
export class SeqDataLoader extends DataLoader {
  /**
   * Make a loader of `batchSize` parallel sequences.
   *
   * @param dataset A {@linkcode Dataset} or any object with `length` and `get(index)`.
   * @param batchSize A positive integer, at most the dataset's length.
   */
  constructor(dataset: LoaderDataset, batchSize: number) {
    super(dataset, batchSize, { shuffle: false });
    if (batchSize > this.dataSize) {
      throw new RangeError(
        `Cannot read ${batchSize} sequences from ${this.dataSize} examples in SeqDataLoader: expected a batch size of at most ${this.dataSize}`,
      );
    }
  }

  /** The indices `(i * jump + iteration) % length` for each sequence `i`. */
  protected override batchIndices(): number[] {
    const jump = Math.floor(this.dataSize / this.batchSize);
    return Array.from(
      { length: this.batchSize },
      (_, i) => (i * jump + this.iteration) % this.dataSize,
    );
  }
}
