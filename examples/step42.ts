// Step 42 of the book: linear regression.
//
// A toy dataset, y = 5 + 2x + noise, from NumPy's generator seeded with 0
// (`@dezero/core/random` draws the same numbers), and a model y = x·W + b
// fitted by gradient descent on the mean squared error: after 100 steps W
// is close to 2 and b to 5.5 (5 plus the noise's mean, 0.5). Each step
// prints W, b and the loss, as the book does (its plot is left out).
//
// W and b are float64 in the book too, so every printed digit of W and b
// agrees with it. The loss sums 100 squares: NumPy adds them pairwise and
// this library left to right, so its last printed digit may differ.
//
// Run: deno run examples/step42.ts
// Prints (first and last lines):
//   variable([[0.64433458]]) variable([1.29473389]) variable(42.296340129442335)
//   variable([[1.12672345]]) variable([2.26959351]) variable(23.97380754378544)
//   ...
//   variable([[2.11807369]]) variable([5.46608905]) variable(0.07908606512411756)

import { matmul, sum, Variable, zeros, zipWith } from "../mod.ts";
import { rand, seed } from "../random/mod.ts";

// Generate a toy dataset.
seed(0);
const xData = rand(100, 1);
const noise = rand(100, 1);
const x = new Variable(xData);
const y = new Variable(zipWith(xData, noise, (xi, r) => 5 + 2 * xi + r));

const W = new Variable(zeros([1, 1]));
const b = new Variable(zeros([1]));

function predict(x: Variable): Variable {
  return matmul(x, W).add(b);
}

function meanSquaredError(x0: Variable, x1: Variable): Variable {
  const diff = x0.sub(x1);
  return sum(diff.pow(2)).div(diff.shape[0]);
}

const lr = 0.1;
const iters = 100;

for (let i = 0; i < iters; i++) {
  const yPred = predict(x);
  const loss = meanSquaredError(y, yPred);

  W.clearGrad();
  b.clearGrad();
  loss.backward();

  // Update the data directly: no graph is needed for the update.
  W.data = zipWith(W.data, W.grad!.data, (w, g) => w - lr * g);
  b.data = zipWith(b.data, b.grad!.data, (w, g) => w - lr * g);
  console.log(W, b, loss);
}
