/**
 * Mini-batch loaders as DeZero's `dezero.dataloaders`: {@linkcode DataLoader}
 * (shuffled per epoch with NumPy's permutation stream) and
 * {@linkcode SeqDataLoader} for truncated backpropagation through time.
 *
 * @example
 * ```ts
 * import { Spiral } from "@dezero/core/datasets";
 * import { DataLoader } from "@dezero/core/dataloaders";
 * import assert from "node:assert/strict";
 *
 * const loader = new DataLoader(new Spiral({ train: false }), 100, { shuffle: false });
 * const sizes = [...loader].map(([x]) => x.shape[0]);
 * assert.deepEqual(sizes, [100, 100, 100]);
 * ```
 *
 * @module
 */
export * from "./data_loader.ts";
export * from "./seq_data_loader.ts";
