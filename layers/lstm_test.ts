import assert from "node:assert/strict";
import {
  add,
  array,
  linear,
  mul,
  type NestedNumbers,
  sigmoid,
  tanh,
  Variable,
} from "../mod.ts";
import { seed } from "../random/mod.ts";
import { assertAllClose, gradientCheck } from "../testing/mod.ts";
import { LSTM } from "./lstm.ts";
import fixtures from "./testdata/recurrent_fixtures.json" with {
  type: "json",
};

const f = fixtures.lstm;
const gates = ["f", "i", "o", "u"] as const;

function a(value: NestedNumbers): ReturnType<typeof array> {
  return array(value as NestedNumbers[]);
}

/** An LSTM holding the fixture's weights. */
function lstmFromFixture(): LSTM {
  const lstm = new LSTM(4, { inSize: 3 });
  for (const g of gates) {
    lstm[`x2${g}`].W.data = a(f.W[g]);
    lstm[`x2${g}`].b!.data = a(f.b[g]);
    lstm[`h2${g}`].W.data = a(f.U[g]);
  }
  return lstm;
}

Deno.test("LSTM matches torch.nn.LSTMCell over three steps, gradients through time included", () => {
  const lstm = lstmFromFixture();
  const xs = f.xs.map((x) => new Variable(a(x)));
  let loss: Variable | null = null;
  xs.forEach((x, t) => {
    const h = lstm.call(x);
    assertAllClose(h.data, a(f.hs[t]), { rtol: 1e-12, atol: 1e-14 });
    assertAllClose(lstm.c!.data, a(f.cs[t]), { rtol: 1e-12, atol: 1e-14 });
    const term = h.mul(a(f.G[t])).sum();
    loss = loss === null ? term : loss.add(term);
  });
  loss!.backward();
  xs.forEach((x, t) =>
    assertAllClose(x.grad!.data, a(f.gx[t]), { rtol: 1e-10, atol: 1e-13 })
  );
  for (const g of gates) {
    assertAllClose(lstm[`x2${g}`].W.grad!.data, a(f.gW[g]), { rtol: 1e-10 });
    assertAllClose(lstm[`x2${g}`].b!.grad!.data, a(f.gb[g]), { rtol: 1e-10 });
    assertAllClose(lstm[`h2${g}`].W.grad!.data, a(f.gU[g]), { rtol: 1e-10 });
  }
});

/**
 * Two unrolled LSTM steps, DeZero's equations, as a function of the input
 * and of the forget gate's and candidate's weights (the other gates'
 * weights enter the same way).
 */
function twoSteps(
  x0: Variable,
  x1: Variable,
  Wf: Variable,
  Uf: Variable,
  Wu: Variable,
  Uu: Variable,
): Variable {
  const Wi = a(f.W.i), Wo = a(f.W.o), Ui = a(f.U.i), Uo = a(f.U.o);
  const c0 = mul(sigmoid(linear(x0, Wi)), tanh(linear(x0, Wu)));
  const h0 = mul(sigmoid(linear(x0, Wo)), tanh(c0));
  const gate = (W: Variable | ReturnType<typeof a>, U: typeof W) =>
    add(linear(x1, W), linear(h0, U));
  const c1 = add(
    mul(sigmoid(gate(Wf, Uf)), c0),
    mul(sigmoid(gate(Wi, Ui)), tanh(gate(Wu, Uu))),
  );
  return mul(sigmoid(gate(Wo, Uo)), tanh(c1));
}

Deno.test("a two-step LSTM passes gradientCheck in x and the weights, first and second order", () => {
  const args = [f.xs[0], f.xs[1], f.W.f, f.U.f, f.W.u, f.U.u].map(a);
  gradientCheck(twoSteps, args);
  gradientCheck(twoSteps, args, { order: 2, mode: "fast" });
});

Deno.test("the LSTM layer computes twoSteps exactly (biases zero)", () => {
  const lstm = lstmFromFixture();
  for (const g of gates) lstm[`x2${g}`].b!.data = array([0, 0, 0, 0]);
  lstm.call(a(f.xs[0]));
  const h = lstm.call(a(f.xs[1]));
  const args = [f.xs[0], f.xs[1], f.W.f, f.U.f, f.W.u, f.U.u].map((v) =>
    new Variable(a(v))
  ) as [Variable, Variable, Variable, Variable, Variable, Variable];
  assertAllClose(h.data, twoSteps(...args).data, { rtol: 1e-14 });
});

Deno.test("LSTM draws its weights in DeZero's order and names them as DeZero", () => {
  seed(0);
  const lstm = new LSTM(3);
  assert.equal(lstm.x2f.W.hasData, false);
  assert.deepEqual(lstm.h2u.W.shape, [3, 3]);
  lstm.call(array([[1, 2]]));
  assert.deepEqual(lstm.x2u.W.shape, [2, 3]);
  assert.deepEqual([...lstm.flattenParams().keys()], [
    "x2f/W",
    "x2f/b",
    "x2i/W",
    "x2i/b",
    "x2o/W",
    "x2o/b",
    "x2u/W",
    "x2u/b",
    "h2f/W",
    "h2i/W",
    "h2o/W",
    "h2u/W",
  ]);
});

Deno.test("LSTM rejects a new batch size without resetState() and a wrong input size", () => {
  const lstm = lstmFromFixture();
  lstm.call(a(f.xs[0]));
  const [h, c] = [lstm.h, lstm.c];
  assert.throws(
    () => lstm.call(array([[1, 2, 3]])),
    new TypeError(
      "Cannot apply LSTM to an input of shape [1,3]: its hidden state has shape [2,4] from the previous call, so it expects a batch of 2; call resetState() before changing the batch size",
    ),
  );
  assert.throws(
    () => lstm.call(array([[1, 2], [3, 4]])),
    new TypeError(
      "Cannot apply LSTM to an input of shape [2,2]: its input size is 3, so it expects [N,3]",
    ),
  );
  assert.equal(lstm.h, h);
  assert.equal(lstm.c, c);
  lstm.resetState();
  assert.equal(lstm.c, null);
  assert.deepEqual(lstm.call(array([[1, 2, 3]])).shape, [1, 4]);
  assert.throws(
    () => new LSTM(2.5),
    new RangeError(
      "Cannot use 2.5 as hiddenSize of LSTM: expected a positive integer",
    ),
  );
  assert.throws(
    () => new LSTM(2, null as unknown as { inSize: number }),
    new TypeError(
      "Cannot use null as the options of LSTM: expected an object",
    ),
  );
});
