// Step 49 of the book: the Dataset class.
//
// The training loop of step 48, with the data behind a `Dataset`:
// `trainSet.get(i)` gives one example `[x, t]` (after the dataset's
// transforms, none here), and a mini-batch is the examples stacked. The
// points, the weights and the order are the book's, so are the losses.
//
// As in step 48, every printed loss is the book's at two decimals (DeZero
// computes in float32 here, this library in float64).
//
// Run: deno run examples/step49.ts
// Prints:
//   epoch 1, loss 1.13
//   epoch 2, loss 1.05
//   epoch 3, loss 0.95
//   ...
//   epoch 300, loss 0.13

import { array, softmaxCrossEntropy, toNested } from "../mod.ts";
import { Spiral } from "../datasets/mod.ts";
import { MLP } from "../models/mod.ts";
import { SGD } from "../optimizers/mod.ts";
import { permutation } from "../random/mod.ts";

const batchSize = 30;
const hiddenSize = 10;
const lr = 1.0;

const trainSet = new Spiral({ train: true });
const model = new MLP([hiddenSize, 3]);
const optimizer = new SGD(lr).setup(model);

const dataSize = trainSet.length;
const maxIter = Math.ceil(dataSize / batchSize);

/** Train for `maxEpoch` epochs, printing the mean loss of each. */
export function train(maxEpoch: number): void {
  for (let epoch = 0; epoch < maxEpoch; epoch++) {
    // Shuffle the indices of the data.
    const index = toNested(permutation(dataSize)) as number[];
    let sumLoss = 0;

    for (let i = 0; i < maxIter; i++) {
      // Create a mini-batch.
      const batchIndex = index.slice(i * batchSize, (i + 1) * batchSize);
      const batch = batchIndex.map((j) => trainSet.get(j));
      const batchX = array(batch.map(([x]) => toNested(x) as number[]));
      const batchT = array(batch.map(([, t]) => t!.get()));

      const y = model.call(batchX);
      const loss = softmaxCrossEntropy(y, batchT);
      model.clearGrads();
      loss.backward();
      optimizer.update();

      sumLoss += loss.item() * batchT.shape[0];
    }

    // Print the loss every epoch.
    const avgLoss = sumLoss / dataSize;
    console.log(`epoch ${epoch + 1}, loss ${avgLoss.toFixed(2)}`);
  }
}

if (import.meta.main) train(300);
