// Step 53 of the book: saving and loading weights.
//
// `model.saveWeights(path)` writes every parameter to a NumPy .npz file
// under DeZero's names (`l0/W`, `l0/b`, ...), and `model.loadWeights(path)`
// reads them back; the files are DeZero's own format, so weights move
// between DeZero, NumPy and this library. Run this twice: the first run
// trains from random weights and saves them to my_mlp.npz, the second
// starts from the saved weights and goes on learning (its first loss is
// lower than the first run's last).
//
// As steps 51 and 52, it trains on the 8,000 packaged digits instead of the
// full 60,000 and is seeded with 0; the first run prints step 51's first
// three training losses (2.2493, 2.1334, 2.0245), as DeZero does on the
// same digits.
//
// Run: deno run --allow-read --allow-write examples/step53.ts
// Prints:
//   epoch: 1, loss: ...
//   epoch: 2, loss: ...
//   epoch: 3, loss: ...

import { existsSync } from "node:fs";
import { softmaxCrossEntropy } from "../mod.ts";
import { DataLoader } from "../dataloaders/mod.ts";
import { MNIST } from "../datasets/mod.ts";
import { MLP } from "../models/mod.ts";
import { SGD } from "../optimizers/mod.ts";
import { seed } from "../random/mod.ts";

seed(0);

const batchSize = 100;

const trainSet = new MNIST({ train: true });
const trainLoader = new DataLoader(trainSet, batchSize);
const model = new MLP([1000, 10]);
const optimizer = new SGD().setup(model);

/**
 * Load the weights in `path` if it exists, train for `maxEpoch` epochs
 * (the tests stop each after `maxBatches` batches), and save the weights.
 */
export function train(
  maxEpoch: number,
  path = "my_mlp.npz",
  maxBatches = Infinity,
): void {
  if (existsSync(path)) {
    model.loadWeights(path);
  }

  for (let epoch = 0; epoch < maxEpoch; epoch++) {
    let sumLoss = 0;
    let batches = 0;

    for (const [x, t] of trainLoader) {
      if (batches++ === maxBatches) break;
      const y = model.call(x);
      const loss = softmaxCrossEntropy(y, t);
      model.clearGrads();
      loss.backward();
      optimizer.update();
      sumLoss += loss.item() * t.shape[0];
    }

    console.log(
      `epoch: ${epoch + 1}, loss: ${(sumLoss / trainSet.length).toFixed(4)}`,
    );
  }

  model.saveWeights(path);
}

if (import.meta.main) train(3);
