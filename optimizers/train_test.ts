// Training end to end: an MLP learns y = sin(2πx) + noise (book step 45)
// with each optimizer.

import assert from "node:assert/strict";
import { array, type Float64NdArray, sigmoid } from "../mod.ts";
import { MLP } from "../models/mlp.ts";
import { getState, seed, setState } from "../random/mod.ts";
import { Adam } from "./adam.ts";
import { MomentumSGD } from "./momentum_sgd.ts";
import type { Optimizer } from "./optimizer.ts";
import { SGD } from "./sgd.ts";

/** 100 points of sin(2πx) plus uniform noise in [0, 1), fixed. */
function sineData(): { x: Float64NdArray; t: Float64NdArray } {
  let state = 12345;
  const uniform = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const xs: number[][] = [];
  const ts: number[][] = [];
  for (let i = 0; i < 100; i++) {
    const x = uniform();
    xs.push([x]);
    ts.push([Math.sin(2 * Math.PI * x) + uniform()]);
  }
  return { x: array(xs), t: array(ts) };
}

function train(
  optimizer: Optimizer,
  iterations: number,
  weights = 0,
): number[] {
  const { x, t } = sineData();
  // Initial weights from a fixed seed (the global generator otherwise starts
  // from fresh entropy), leaving the generator as other tests found it.
  const saved = getState();
  seed(weights);
  const model = new MLP([10, 1], { activation: sigmoid });
  model.call(x);
  setState(saved);
  optimizer.setup(model);
  const losses: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const y = model.call(x);
    const loss = y.sub(t).square().sum().div(100);
    model.clearGrads();
    loss.backward();
    optimizer.update();
    losses.push(loss.data.get());
  }
  return losses;
}

// The noise alone has variance 1/12 ≈ 0.083, the floor of the loss; a
// constant prediction leaves about 0.58 (the sine's variance 0.5 plus the
// noise), and the best straight line about 0.27, where plain SGD with the
// book's lr = 0.2 stays for its first few hundred iterations (the book runs
// 10,000). The thresholds hold for the initial weights of seeds 0 to 5.
const cases = [
  ["SGD", () => new SGD(0.2), 300, 0.3],
  ["MomentumSGD", () => new MomentumSGD(0.1, 0.9), 1200, 0.12],
  ["Adam", () => new Adam(0.05), 800, 0.1],
] as const;

for (const [name, make, iterations, threshold] of cases) {
  Deno.test(`${name} trains an MLP on a sine curve to a loss below ${threshold}`, () => {
    const losses = train(make(), iterations);
    const first = losses[0];
    const last = losses[losses.length - 1];
    assert.ok(first > 0.4, `first loss ${first}`);
    assert.ok(last < threshold, `last loss ${last}`);
  });
}
