// One training step (forward, backward, SGD update) of the book's networks,
// against a hand-written Float64Array version without a graph
// (bench/_naive_mlp.ts):
// - step 43: batch 100, 1-10-1 with a sigmoid, mean squared error;
// - step 51: batch 100, 784-1000-10 with a sigmoid, softmax cross entropy.
// DeZero with NumPy and PyTorch on the same steps: bench/numpy_train.py.
// Run with `deno bench bench/train_bench.ts`.

import {
  array,
  linear,
  meanSquaredError,
  sigmoid,
  softmaxCrossEntropy,
  Variable,
} from "../mod.ts";
import { MLP } from "../models/mod.ts";
import { SGD } from "../optimizers/mod.ts";
import { rand, randint, randn, seed } from "../random/mod.ts";
import { naiveMlp, naiveStep } from "./_naive_mlp.ts";

seed(0);

// Step 43: the book's data and its hand-made parameters.
const x43 = rand(100, 1);
const t43 = array(Array.from(x43.data, (v) => [Math.sin(2 * Math.PI * v)]));
const params43 = [
  new Variable(randn(1, 10)),
  new Variable(array(new Float64Array(10))),
  new Variable(randn(10, 1)),
  new Variable(array(new Float64Array(1))),
];
const [W1, b1, W2, b2] = params43;

Deno.bench("step 43 (1-10-1, batch 100): dezero", { group: "step43" }, () => {
  const y = linear(sigmoid(linear(x43, W1, b1)), W2, b2);
  const loss = meanSquaredError(y, t43);
  for (const p of params43) p.clearGrad();
  loss.backward();
  for (const p of params43) {
    const data = p.data.data;
    const grad = p.grad!.data.data;
    for (let k = 0; k < data.length; k++) data[k] -= 0.2 * grad[k];
  }
});

const naive43 = naiveMlp(1, 10, 1, Math.random);
const x43Flat = Float64Array.from(x43.data);
const t43Flat = Float64Array.from(t43.data);
Deno.bench("step 43 (1-10-1, batch 100): naive Float64Array", {
  group: "step43",
  baseline: true,
}, () => {
  naiveStep(naive43, x43Flat, 100, 0.2, { values: t43Flat });
});

// Step 51: MNIST-sized random inputs (the time does not depend on values).
const xMnist = rand(100, 784);
const tMnist = randint(0, 10, [100]);
const model = new MLP([1000, 10]);
const optimizer = new SGD().setup(model);
model.call(xMnist); // create the weights before timing

Deno.bench("MNIST MLP (784-1000-10, batch 100, SGD): dezero", {
  group: "mnist",
  n: 30,
  warmup: 3,
}, () => {
  const loss = softmaxCrossEntropy(model.call(xMnist), tMnist);
  model.clearGrads();
  loss.backward();
  optimizer.update();
});

const naiveMnist = naiveMlp(784, 1000, 10, Math.random);
const xMnistFlat = Float64Array.from(xMnist.data);
const labels = Int32Array.from(tMnist.data);
Deno.bench("MNIST MLP (784-1000-10, batch 100, SGD): naive Float64Array", {
  group: "mnist",
  baseline: true,
  n: 30,
  warmup: 3,
}, () => {
  naiveStep(naiveMnist, xMnistFlat, 100, 0.01, { labels });
});
