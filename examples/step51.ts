// Step 51 of the book: MNIST.
//
// An MLP with 1000 hidden units (sigmoid) and plain SGD (lr 0.01) learns to
// read handwritten digits. The book downloads the full MNIST (60,000
// training and 10,000 test images); this example uses the 10,000 real
// MNIST digits that ship with the package, 8,000 for training and 2,000 for
// testing (`new MNIST({ train })`), so it runs offline. To train on the
// full set, pass `files` to MNIST (see its documentation).
//
// The book does not seed this step; this example seeds 0 so that its run
// can be compared with DeZero's on the same digits (DeZero run with
// np.random.seed(0) added, examples/testdata/make_book_output.py). With an
// eighth of the data and lr 0.01, five epochs of SGD on a sigmoid network
// learn slowly (the book reaches about 0.86 on the full set); step 51's
// alternative, relu and Adam, is `deno task train` (examples/train_mnist.ts).
//
// Digits: DeZero computes in float32 here (its MNIST transform gives
// float32 pixels, its weights are float32), this library in float64 (the
// pixels are the same float32 values). At four decimals every line below
// is what DeZero prints on the same digits with the same seed
// (examples/testdata/book_output.json, "step51"); a line could differ in
// its last digit where float32 rounding falls next to a boundary.
//
// Run: deno run --allow-read examples/step51.ts
// Prints (about a minute of CPU time):
//   epoch: 1
//   train loss: 2.2493, accuracy: 0.2164
//   test loss: 2.1853, accuracy: 0.3345
//   ...
//   epoch: 5
//   train loss: 1.8169, accuracy: 0.6656
//   test loss: 1.7728, accuracy: 0.6745

import { accuracy, noGrad, softmaxCrossEntropy } from "../mod.ts";
import { DataLoader } from "../dataloaders/mod.ts";
import { MNIST } from "../datasets/mod.ts";
import { MLP } from "../models/mod.ts";
import { SGD } from "../optimizers/mod.ts";
import { seed } from "../random/mod.ts";

seed(0);

const batchSize = 100;
const hiddenSize = 1000;

const trainSet = new MNIST({ train: true });
const testSet = new MNIST({ train: false });
const trainLoader = new DataLoader(trainSet, batchSize);
const testLoader = new DataLoader(testSet, batchSize, { shuffle: false });

const model = new MLP([hiddenSize, 10]);
const optimizer = new SGD().setup(model);
// The book's alternative (examples/train_mnist.ts):
// const model = new MLP([hiddenSize, hiddenSize, 10], { activation: relu });
// const optimizer = new Adam().setup(model);

/**
 * Train and test for `maxEpoch` epochs, printing loss and accuracy; the
 * tests stop each epoch after `maxBatches` training batches.
 */
export function train(maxEpoch: number, maxBatches = Infinity): void {
  for (let epoch = 0; epoch < maxEpoch; epoch++) {
    let sumLoss = 0;
    let sumAcc = 0;
    let batches = 0;

    for (const [x, t] of trainLoader) {
      if (batches++ === maxBatches) break;
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

if (import.meta.main) train(5);
