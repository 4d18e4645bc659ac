// Step 48 of the book: multi-class classification of the spiral dataset
// with mini-batches.
//
// 300 points in three interleaved spirals (DeZero's, from its seed 1984), a
// 2-10-3 network with a sigmoid, softmax cross entropy, and SGD with lr 1.
// Each epoch visits the points in a new random order, 30 at a time, and
// prints the mean loss. The order and the initial weights come from the
// global generator after the data, as in the book, so the run is the book's.
// The book then plots the decision regions: run with --allow-write=. and
// this writes them to spiral.svg with `@dezero/core/plot`.
//
// DeZero holds the points and the weights as float32, this library float64
// (the points are the same numbers). At two decimals every printed loss is
// the book's.
//
// Run: deno run examples/step48.ts
// Prints:
//   epoch 1, loss 1.13
//   epoch 2, loss 1.05
//   epoch 3, loss 0.95
//   ...
//   epoch 300, loss 0.13

import {
  type Float64NdArray,
  getItem,
  noGrad,
  softmaxCrossEntropy,
  toNested,
} from "../mod.ts";
import { savePlot, scatterWithRegions } from "../plot/mod.ts";
import { getSpiral } from "../datasets/mod.ts";
import { MLP } from "../models/mod.ts";
import { SGD } from "../optimizers/mod.ts";
import { permutation } from "../random/mod.ts";

// Hyperparameters
const batchSize = 30;
const hiddenSize = 10;
const lr = 1.0;

const [x, t] = getSpiral({ train: true });
const model = new MLP([hiddenSize, 3]);
const optimizer = new SGD(lr).setup(model);

const dataSize = x.shape[0];
const maxIter = Math.ceil(dataSize / batchSize);

/** Train for `maxEpoch` epochs, printing the mean loss of each. */
export function train(maxEpoch: number): void {
  for (let epoch = 0; epoch < maxEpoch; epoch++) {
    // Shuffle the indices of the data.
    const index = toNested(permutation(dataSize)) as number[];
    let sumLoss = 0;

    for (let i = 0; i < maxIter; i++) {
      const batchIndex = index.slice(i * batchSize, (i + 1) * batchSize);
      const batchX = getItem(x, [batchIndex]).data; // x[batch_index]
      const batchT = getItem(t, [batchIndex]).data;

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

/** The class the trained model gives each point (the argmax of its scores). */
export function classify(points: Float64NdArray): number[] {
  const scores = noGrad(() => model.call(points)).data;
  const labels: number[] = [];
  for (let i = 0; i < scores.shape[0]; i++) {
    let best = 0;
    for (let c = 1; c < scores.shape[1]; c++) {
      if (scores.get(i, c) > scores.get(i, best)) best = c;
    }
    labels.push(best);
  }
  return labels;
}

if (import.meta.main) {
  train(300);
  const write = await Deno.permissions.query({ name: "write", path: "." });
  if (write.state === "granted") {
    await savePlot("spiral.svg", scatterWithRegions(x, t, { classify }));
    console.log("Wrote spiral.svg");
  }
}
