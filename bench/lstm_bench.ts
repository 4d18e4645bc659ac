// One LSTM time step at the book's sizes (step 60: batch 30, input 1,
// hidden 100), starting from a kept state so all eight weight products run.
// bench/torch_lstm.py times the same step with PyTorch (one thread) and
// with DeZero on NumPy; bench/README.md has the table.
// Run with `deno bench bench/lstm_bench.ts`.

import { type Float64NdArray, Variable } from "../mod.ts";
import { LSTM } from "../layers/mod.ts";
import { seed, uniform } from "../random/mod.ts";

const batch = 30;
const hidden = 100;

seed(0);
const lstm = new LSTM(hidden, { inSize: 1 });
const x = uniform(-1, 1, [batch, 1]) as Float64NdArray;
// A state from a first step, kept as plain data so each iteration starts
// from the same point.
const h0 = lstm.call(x).data;
const c0 = lstm.c!.data;

function step(): Variable {
  lstm.h = new Variable(h0);
  lstm.c = new Variable(c0);
  return lstm.call(x);
}

Deno.bench("LSTM step (30x1 -> 30x100): forward", () => {
  step();
});

Deno.bench("LSTM step (30x1 -> 30x100): forward + backward", () => {
  lstm.clearGrads();
  step().sum().backward();
});
