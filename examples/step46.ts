// Step 46 of the book: optimizers.
//
// An optimizer owns the update rule: `new SGD(lr).setup(model)`, then
// `optimizer.update()` after each backward pass. `MLP([10, 1])` is the
// two-layer network of step 45 (sigmoid between the layers), so this
// prints the same losses. Swap `SGD` for `MomentumSGD`, `AdaGrad`,
// `AdaDelta` or `Adam` from `@dezero/core/optimizers` to try the others.
//
// Where digits differ from the book: as in step 44 (DeZero's float32
// weights; a sensitive stretch of training after step 6000).
//
// Run: deno run examples/step46.ts
// Prints:
//   variable(0.8165178386036896)
//   variable(0.2499028014719187)
//   ...
//   variable(0.07616861908381084)

import { meanSquaredError, Variable, zipWith } from "../mod.ts";
import { MLP } from "../models/mod.ts";
import { SGD } from "../optimizers/mod.ts";
import { rand, seed } from "../random/mod.ts";

seed(0);
const xData = rand(100, 1);
const noise = rand(100, 1);
const x = new Variable(xData);
const y = new Variable(
  zipWith(xData, noise, (xi, r) => Math.sin(2 * Math.PI * xi) + r),
);

const lr = 0.2;
const hiddenSize = 10;

const model = new MLP([hiddenSize, 1]);
const optimizer = new SGD(lr).setup(model);

/** Train for `maxIter` steps, printing the loss every 1000 steps. */
export function train(maxIter: number): void {
  for (let i = 0; i < maxIter; i++) {
    const yPred = model.call(x);
    const loss = meanSquaredError(y, yPred);

    model.clearGrads();
    loss.backward();

    optimizer.update();
    if (i % 1000 === 0) console.log(loss);
  }
}

if (import.meta.main) train(10000);
