// Step 43 of the book: a neural network.
//
// A sine curve with noise, y = sin(2πx) + noise, cannot be fitted by a
// line; two linear layers with a sigmoid between them (1 input, 10 hidden
// units, 1 output) can. The weights start as 0.01 times standard normal
// numbers, drawn after the data from the generator seeded with 0, as in the
// book, so the run is the book's. The loss is printed every 1000 steps.
//
// Everything is float64 in the book too. The printed losses agree with it
// to about 12 significant digits: NumPy sums pairwise, this library left to
// right, and `Math.sin` may round the last bit of a few data points
// differently from NumPy's `sin`; over 10,000 steps those last bits move
// the later digits a little.
//
// Run: deno run examples/step43.ts
// Prints:
//   variable(0.8473695850105871)
//   variable(0.2514286285183606)
//   ...
//   variable(0.07722132399559321)

import {
  linear,
  meanSquaredError,
  sigmoid,
  Variable,
  zeros,
  zipWith,
} from "../mod.ts";
import { rand, randn, seed } from "../random/mod.ts";
import { map } from "../mod.ts";

seed(0);
const xData = rand(100, 1);
const noise = rand(100, 1);
const x = new Variable(xData);
const y = new Variable(
  zipWith(xData, noise, (xi, r) => Math.sin(2 * Math.PI * xi) + r),
);

const [I, H, O] = [1, 10, 1];
const W1 = new Variable(map(randn(I, H), (v) => 0.01 * v));
const b1 = new Variable(zeros([H]));
const W2 = new Variable(map(randn(H, O), (v) => 0.01 * v));
const b2 = new Variable(zeros([O]));
const params = [W1, b1, W2, b2];

function predict(x: Variable): Variable {
  let y = linear(x, W1, b1);
  y = sigmoid(y);
  y = linear(y, W2, b2);
  return y;
}

/** Train for `iters` steps, printing the loss every 1000 steps. */
export function train(iters: number): void {
  const lr = 0.2;
  for (let i = 0; i < iters; i++) {
    const yPred = predict(x);
    const loss = meanSquaredError(y, yPred);

    for (const p of params) p.clearGrad();
    loss.backward();

    for (const p of params) {
      p.data = zipWith(p.data, p.grad!.data, (w, g) => w - lr * g);
    }
    if (i % 1000 === 0) console.log(loss);
  }
}

if (import.meta.main) train(10000);
