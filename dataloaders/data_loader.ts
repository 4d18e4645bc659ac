import { describe } from "../core/_describe.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import { permutation } from "../random/permutation.ts";
import { RandomState } from "../random/random_state.ts";
import { type LoaderDataset, stackBatch } from "./_stack.ts";

export type { LoaderDataset } from "./_stack.ts";

/**
 * Options of {@linkcode DataLoader}.
 *
 * @example
 * ```ts
 * import { Spiral } from "@dezero/core/datasets";
 * import { DataLoader } from "@dezero/core/dataloaders";
 * import assert from "node:assert/strict";
 *
 * const spiral = new Spiral();
 * const loader = new DataLoader(spiral, 100, { shuffle: false });
 * const [x] = loader.next().value;
 * assert.deepEqual([...x.shape], [100, 2]);
 * // Without shuffling the first batch starts with the first example.
 * assert.equal(x.get(0, 1), spiral.data?.get(0, 1));
 * ```
 */
export interface DataLoaderOptions {
  /** Visit the examples in a new random order every epoch (default true). */
  shuffle?: boolean;
  /** The generator of that order (default: the global one, as DeZero). */
  random?: RandomState;
}

/**
 * Mini-batches of a dataset, as DeZero's `DataLoader`: an iterator over
 * `[x, t]` with the inputs stacked to `[batch, ...]` and the labels to
 * `[batch, ...]`, the last batch partial. With `shuffle` (the default) the
 * order is `permutation(length)` from the global generator, drawn when the
 * loader is made and again when an epoch ends, exactly as DeZero, so the
 * book's seeds give the book's batches. Use it in a `for...of` once per
 * epoch; the loop ends when the epoch does and the next loop starts a new one.
 *
 * @example Book step 50: 300 spiral points in batches of 30
 * ```ts
 * import { Spiral } from "@dezero/core/datasets";
 * import { DataLoader } from "@dezero/core/dataloaders";
 * import assert from "node:assert/strict";
 *
 * const loader = new DataLoader(new Spiral(), 30);
 * for (let epoch = 0; epoch < 2; epoch++) {
 *   let batches = 0;
 *   for (const [x, t] of loader) {
 *     assert.deepEqual(x.shape, [30, 2]);
 *     assert.deepEqual(t.shape, [30]);
 *     batches++;
 *   }
 *   assert.equal(batches, 10);
 * }
 * ```
 */
export class DataLoader
  implements IterableIterator<[Float64NdArray, Float64NdArray]> {
  /** The dataset the batches come from. */
  readonly dataset: LoaderDataset;
  /** The number of examples per batch (the last may have fewer). */
  readonly batchSize: number;
  /** Whether each epoch visits the examples in a new random order. */
  readonly shuffle: boolean;
  /** The number of examples. */
  readonly dataSize: number;
  /** The number of batches per epoch. */
  readonly maxIter: number;
  /** The number of batches given in this epoch so far. */
  iteration = 0;
  /** The order of the examples in this epoch. */
  protected index: number[] = [];
  #random: RandomState | undefined;

  /**
   * Make a loader and draw the first epoch's order.
   *
   * @param dataset A {@linkcode Dataset} or any object with `length` and `get(index)`.
   * @param batchSize A positive integer.
   * @param options `shuffle` (default true) and the generator `random`.
   */
  constructor(
    dataset: LoaderDataset,
    batchSize: number,
    options: DataLoaderOptions = {},
  ) {
    const name = new.target.name;
    if (
      typeof dataset !== "object" || dataset === null ||
      typeof dataset.get !== "function"
    ) {
      throw new TypeError(
        `Cannot load ${
          describe(dataset)
        } in ${name}: expected a dataset with length and get(index)`,
      );
    }
    const length = dataset.length;
    if (!Number.isInteger(length) || length < 0) {
      throw new TypeError(
        `Cannot load a dataset of length ${
          describe(length)
        } in ${name}: expected a non-negative integer length`,
      );
    }
    if (typeof batchSize !== "number" || !Number.isInteger(batchSize)) {
      throw new TypeError(
        `Cannot use ${
          describe(batchSize)
        } as the batch size of ${name}: expected a positive integer`,
      );
    }
    if (batchSize < 1) {
      throw new RangeError(
        `Cannot use batch size ${batchSize} in ${name}: expected a positive integer`,
      );
    }
    const { shuffle = true, random } = options ?? {};
    if (typeof shuffle !== "boolean") {
      throw new TypeError(
        `Cannot use ${
          describe(shuffle)
        } as shuffle in ${name}: expected a boolean`,
      );
    }
    if (random !== undefined && !(random instanceof RandomState)) {
      throw new TypeError(
        `Cannot use ${
          describe(random)
        } as random in ${name}: expected a RandomState`,
      );
    }
    this.dataset = dataset;
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.dataSize = length;
    this.maxIter = Math.ceil(length / batchSize);
    this.#random = random;
    this.reset();
  }

  /** Start a new epoch: back to the first batch, with a new order if shuffling. */
  reset(): void {
    this.iteration = 0;
    const n = this.dataSize;
    if (this.shuffle) {
      const order = this.#random === undefined
        ? permutation(n)
        : this.#random.permutation(n);
      this.index = Array.from(
        order.data.subarray(order.offset, order.offset + n),
      );
    } else {
      this.index = Array.from({ length: n }, (_, i) => i);
    }
  }

  /**
   * The next batch; at the end of an epoch, `done` (after drawing the next
   * epoch's order, as DeZero).
   *
   * @returns `{ value: [x, t] }`, or `{ done: true }` when the epoch is over.
   */
  next(): IteratorResult<[Float64NdArray, Float64NdArray]> {
    if (this.iteration >= this.maxIter) {
      this.reset();
      return { done: true, value: undefined };
    }
    const batch = stackBatch(
      this.constructor.name,
      this.dataset,
      this.batchIndices(),
    );
    this.iteration++;
    return { done: false, value: batch };
  }

  /**
   * The loader itself: each `for...of` runs the rest of the current epoch.
   *
   * @returns This loader.
   */
  [Symbol.iterator](): this {
    return this;
  }

  /** The example indices of the current batch. */
  protected batchIndices(): number[] {
    const start = this.iteration * this.batchSize;
    return this.index.slice(start, start + this.batchSize);
  }
}
