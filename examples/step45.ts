// Step 45 of the book: a model that holds its layers.
//
// `Model` is a layer for a whole network: assign layers to its properties
// and `params()` and `clearGrads()` find them. The two-layer network of
// step 44 as a class, trained the same way, prints the same losses.
//
// Where digits differ from the book: as in step 44 (DeZero's float32
// weights; a sensitive stretch of training after step 6000).
//
// Run: deno run examples/step45.ts
// Prints:
//   variable(0.8165178386036896)
//   variable(0.2499028014719187)
//   ...
//   variable(0.07616861908381084)

import { meanSquaredError, sigmoid, Variable, zipWith } from "../mod.ts";
import { Linear } from "../layers/mod.ts";
import { Model } from "../models/mod.ts";
import { rand, seed } from "../random/mod.ts";

seed(0);
const xData = rand(100, 1);
const noise = rand(100, 1);
const x = new Variable(xData);
const y = new Variable(
  zipWith(xData, noise, (xi, r) => Math.sin(2 * Math.PI * xi) + r),
);

// Hyperparameters
const lr = 0.2;
const hiddenSize = 10;

class TwoLayerNet extends Model {
  l1: Linear;
  l2: Linear;

  constructor(hiddenSize: number, outSize: number) {
    super();
    this.l1 = new Linear(hiddenSize);
    this.l2 = new Linear(outSize);
  }

  forward(x: Variable): Variable {
    const y = sigmoid(this.l1.call(x));
    return this.l2.call(y);
  }
}

const model = new TwoLayerNet(hiddenSize, 1);

/** Train for `maxIter` steps, printing the loss every 1000 steps. */
export function train(maxIter: number): void {
  for (let i = 0; i < maxIter; i++) {
    const yPred = model.call(x);
    const loss = meanSquaredError(y, yPred);

    model.clearGrads();
    loss.backward();

    for (const p of model.params()) {
      p.data = zipWith(p.data!, p.grad!.data, (w, g) => w - lr * g);
    }
    if (i % 1000 === 0) console.log(loss);
  }
}

if (import.meta.main) train(10000);
