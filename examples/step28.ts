// Step 28 of the book: minimising a function by gradient descent.
//
// The Rosenbrock function y = 100(x₁ - x₀²)² + (1 - x₀)² has its minimum
// y = 0 at (x₀, x₁) = (1, 1), at the bottom of a long, curved, flat valley.
// Its gradient at the start (0, 2) is (-2, 400). Gradient descent steps
// against the gradient, x ← x - lr·∇y, here 1000 times with lr = 0.001; the
// point creeps along the valley towards (1, 1) and is still short of it
// after 1000 steps.
//
// Each iteration clears the old gradients before `backward()`, because
// gradients accumulate. The update computes new data outside the graph
// (`noGrad`): it is bookkeeping, not part of the function being minimised.
//
// Like the book's step28.py, this prints x₀ and x₁ at the start of each of
// the 1000 iterations: 1000 lines, the last one before the final update.
//
// Run: deno run examples/step28.ts
// Prints (the book's lines, the same digits):
//   variable(0.0) variable(2.0)
//   variable(0.002) variable(1.6)
//   variable(0.0052759968) variable(1.2800008)
//   ...
//   variable(0.6832714656167057) variable(0.4653482760249264)
//   variable(0.6834917840420289) variable(0.46565059996514135)

import { array, mul, noGrad, sub, Variable } from "../mod.ts";

function rosenbrock(x0: Variable, x1: Variable): Variable {
  return mul(100, x1.sub(x0.pow(2)).pow(2)).add(sub(1, x0).pow(2));
}

/** x ← x - lr·x.grad, on the data only. */
function step(x: Variable, lr: number): void {
  x.data = noGrad(() => x.sub(mul(lr, x.grad!))).data;
}

const x0 = new Variable(array(0.0));
const x1 = new Variable(array(2.0));
const lr = 0.001;
const iters = 1000;

for (let i = 0; i < iters; i++) {
  console.log(x0, x1);

  const y = rosenbrock(x0, x1);

  x0.clearGrad();
  x1.clearGrad();
  y.backward();

  step(x0, lr);
  step(x1, lr);
}
