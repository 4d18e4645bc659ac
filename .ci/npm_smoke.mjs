// Run by .ci/npm_test.sh under Node, in a project that installed the packed
// npm tarball: the README's quick start, a gradient check and a small
// training loop, through the package's entry points only.
import assert from "node:assert/strict";
import { inspect } from "node:util";
import {
  array,
  exp,
  matmul,
  sigmoid,
  square,
  tanh,
  Variable,
} from "@dezero/core";
import { gradientCheck } from "@dezero/core/testing";
import { MLP } from "@dezero/core/models";
import { Adam } from "@dezero/core/optimizers";

// Quick start: y = (e^(x²))², dy/dx at 0.5.
const x = new Variable(array(0.5));
const y = square(exp(square(x)));
y.backward();
assert.equal(x.grad.data.get(), 3.297442541400256);
console.log("quick start: x.grad =", x.grad);
// console.log shows NumPy-style text, not the object's internals.
assert.equal(inspect(x.grad), "variable(3.297442541400256)");
// (The exact digits follow NumPy's str() and may change; the form may not.)
const matrix = new Variable(array([[1, 2], [3, 4]]));
assert.equal(inspect(matrix), String(matrix));
assert.match(
  inspect(matrix),
  /^variable\(\[\[1\.? +2\.?\]\n +\[3\.? +4\.?\]\]\)$/,
);
assert.match(inspect(matrix.data), /^\[\[1\.? +2\.?\]\n \[3\.? +4\.?\]\]$/);

// A gradient check of a two-input function, first and second order.
const layer = (a, w) => tanh(matmul(a, w));
const a = array([[0.1, -0.2], [0.3, 0.4]]);
const w = array([[0.5, -1], [2, 0.25]]);
assert.equal(gradientCheck(layer, [a, w]).checked, 8);
gradientCheck(layer, [a, w], { order: 2 });
console.log("gradientCheck: first and second order pass");

// A 1-10-1 MLP learns sin(2πx) from 100 points.
const xs = [];
const ts = [];
for (let i = 0; i < 100; i++) {
  const v = i / 99;
  xs.push([v]);
  ts.push([Math.sin(2 * Math.PI * v)]);
}
const inputs = array(xs);
const targets = array(ts);
const model = new MLP([10, 1], { activation: sigmoid });
const optimizer = new Adam(0.05);
optimizer.setup(model);
let first = NaN;
let loss = NaN;
for (let step = 0; step < 400; step++) {
  const prediction = model.call(inputs);
  const l = prediction.sub(targets).square().sum().div(100);
  model.clearGrads();
  l.backward();
  optimizer.update();
  loss = l.data.get();
  if (step === 0) first = loss;
}
console.log(`training: loss ${first.toFixed(4)} -> ${loss.toFixed(4)}`);
assert.ok(first > 0.3, `first loss ${first}`);
assert.ok(loss < 0.05, `last loss ${loss}`);
console.log(`npm package OK under Node ${process.version}`);
