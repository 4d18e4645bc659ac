// Step 44 of the book: parameters in layers.
//
// The network of step 43, with its weights kept by two `Linear` layers.
// A layer creates its weight W on the first call, when it sees the input
// size, from the global generator (standard normal times √(1 / inSize), as
// DeZero), and collects its parameters for the update loop.
//
// Where digits differ from the book: DeZero's Linear holds float32 weights
// (rounded again after every update), this library float64, so the losses
// agree with the book's to about 7 significant digits. Run with float64
// weights, DeZero prints what this prints to about 14 digits for 6000
// steps (examples/testdata/book_output.json, "float64"). Then the training
// passes through a region where rounding differences grow quickly: changing
// one data point by one ulp in DeZero moves the loss at step 7000 in its
// 5th digit, and so does the order of summation here (0.0766574 here,
// 0.0766560 in DeZero with float64 weights, 0.0765507 in the book).
//
// Run: deno run examples/step44.ts
// Prints:
//   variable(0.8165178386036896)
//   variable(0.2499028014719187)
//   ...
//   variable(0.07616861908381084)

import { meanSquaredError, sigmoid, Variable, zipWith } from "../mod.ts";
import { Linear } from "../layers/mod.ts";
import { rand, seed } from "../random/mod.ts";

seed(0);
const xData = rand(100, 1);
const noise = rand(100, 1);
const x = new Variable(xData);
const y = new Variable(
  zipWith(xData, noise, (xi, r) => Math.sin(2 * Math.PI * xi) + r),
);

const l1 = new Linear(10);
const l2 = new Linear(1);

function predict(x: Variable): Variable {
  let y = l1.call(x);
  y = sigmoid(y);
  y = l2.call(y);
  return y;
}

/** Train for `iters` steps, printing the loss every 1000 steps. */
export function train(iters: number): void {
  const lr = 0.2;
  for (let i = 0; i < iters; i++) {
    const yPred = predict(x);
    const loss = meanSquaredError(y, yPred);

    l1.clearGrads();
    l2.clearGrads();
    loss.backward();

    for (const l of [l1, l2]) {
      for (const p of l.params()) {
        p.data = zipWith(p.data!, p.grad!.data, (w, g) => w - lr * g);
      }
    }
    if (i % 1000 === 0) console.log(loss);
  }
}

if (import.meta.main) train(10000);
