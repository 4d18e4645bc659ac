// Step 52 of the book: GPU support.
//
// The book moves the data and the model to the GPU with CuPy when one is
// available (`train_loader.to_gpu()`, `model.to_gpu()`) and otherwise runs
// the same code on the CPU with NumPy. This library has no GPU backend, so
// this is the book's CPU path: step 51's sigmoid MLP and SGD, printing the
// loss and the time of each epoch. Like step 51 it trains on the 8,000
// packaged digits instead of the full 60,000, and is seeded with 0.
//
// Same seed, same data, same batch order: the losses are step 51's
// training losses (2.2493, 2.1334, 2.0245, 1.9197, 1.8169), as DeZero
// prints them on the same digits. The times depend on the machine.
//
// Run: deno run --allow-read examples/step52.ts
// Prints:
//   epoch: 1, loss: ..., time: ...[sec]
//   ...

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

// GPU mode: none here (the book checks `dezero.cuda.gpu_enable`).

/**
 * Train for `maxEpoch` epochs, printing loss and time; the tests stop each
 * epoch after `maxBatches` batches.
 */
export function train(maxEpoch: number, maxBatches = Infinity): void {
  for (let epoch = 0; epoch < maxEpoch; epoch++) {
    const start = performance.now();
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

    const elapsedTime = (performance.now() - start) / 1000;
    console.log(
      `epoch: ${epoch + 1}, loss: ${
        (sumLoss / trainSet.length).toFixed(4)
      }, time: ${elapsedTime.toFixed(4)}[sec]`,
    );
  }
}

if (import.meta.main) train(5);
