// Step 50 of the book: DataLoader, and the accuracy on a test set.
//
// `DataLoader(trainSet, batchSize)` hands out shuffled mini-batches (the
// order drawn from the global generator exactly when DeZero draws it, so
// the batches are the book's); `accuracy(y, t)` is the fraction of rows
// whose highest score is the label. Each epoch trains on the 300 training
// points, then measures loss and accuracy on DeZero's 300 test points
// (seed 2020) without recording a graph (`noGrad`).
//
// DeZero computes in float32 here, this library in float64; at four
// decimals the printed numbers are the book's nevertheless (all lines
// compared, examples/testdata/book_output.json keeps the first 20 epochs
// and the last; a loss could differ in its last printed digit where the
// float32 rounding falls next to a rounding boundary).
//
// Run: deno run examples/step50.ts
// Prints:
//   epoch: 1
//   train loss: 1.0944, accuracy: 0.4033
//   test loss: 1.0468, accuracy: 0.3267
//   ...
//   epoch: 300
//   train loss: 0.1082, accuracy: 0.9667
//   test loss: 0.1458, accuracy: 0.9600

import { accuracy, noGrad, softmaxCrossEntropy } from "../mod.ts";
import { DataLoader } from "../dataloaders/mod.ts";
import { Spiral } from "../datasets/mod.ts";
import { MLP } from "../models/mod.ts";
import { SGD } from "../optimizers/mod.ts";

const batchSize = 30;
const hiddenSize = 10;
const lr = 1.0;

const trainSet = new Spiral({ train: true });
const testSet = new Spiral({ train: false });
const trainLoader = new DataLoader(trainSet, batchSize);
const testLoader = new DataLoader(testSet, batchSize, { shuffle: false });

const model = new MLP([hiddenSize, 3]);
const optimizer = new SGD(lr).setup(model);

/** Train and test for `maxEpoch` epochs, printing loss and accuracy. */
export function train(maxEpoch: number): void {
  for (let epoch = 0; epoch < maxEpoch; epoch++) {
    let sumLoss = 0;
    let sumAcc = 0;

    for (const [x, t] of trainLoader) {
      const y = model.call(x);
      const loss = softmaxCrossEntropy(y, t);
      const acc = accuracy(y, t);
      model.clearGrads();
      loss.backward();
      optimizer.update();

      sumLoss += loss.item() * t.shape[0];
      sumAcc += acc.item() * t.shape[0];
    }

    console.log(`epoch: ${epoch + 1}`);
    console.log(
      `train loss: ${(sumLoss / trainSet.length).toFixed(4)}, accuracy: ${
        (sumAcc / trainSet.length).toFixed(4)
      }`,
    );

    sumLoss = 0;
    sumAcc = 0;
    noGrad(() => {
      for (const [x, t] of testLoader) {
        const y = model.call(x);
        const loss = softmaxCrossEntropy(y, t);
        const acc = accuracy(y, t);
        sumLoss += loss.item() * t.shape[0];
        sumAcc += acc.item() * t.shape[0];
      }
    });

    console.log(
      `test loss: ${(sumLoss / testSet.length).toFixed(4)}, accuracy: ${
        (sumAcc / testSet.length).toFixed(4)
      }`,
    );
  }
}

if (import.meta.main) train(300);
