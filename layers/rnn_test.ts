import assert from "node:assert/strict";
import {
  array,
  type NestedNumbers,
  Parameter,
  tanh,
  Variable,
} from "../mod.ts";
import { linear } from "../functions/linear.ts";
import { seed } from "../random/mod.ts";
import { assertAllClose, gradientCheck } from "../testing/mod.ts";
import { RNN } from "./rnn.ts";
import fixtures from "./testdata/recurrent_fixtures.json" with {
  type: "json",
};

const f = fixtures.rnn;

function a(value: NestedNumbers): ReturnType<typeof array> {
  return array(value as NestedNumbers[]);
}

/** An RNN holding the fixture's weights. */
function rnnFromFixture(): RNN {
  const rnn = new RNN(4, { inSize: 3 });
  rnn.x2h.W.data = a(f.Wx);
  rnn.x2h.b!.data = a(f.bx);
  rnn.h2h.W.data = a(f.Wh);
  return rnn;
}

Deno.test("RNN matches torch.nn.RNN over four steps, gradients through time included", () => {
  const rnn = rnnFromFixture();
  const xs = f.xs.map((x) => new Variable(a(x)));
  let loss: Variable | null = null;
  xs.forEach((x, t) => {
    const h = rnn.call(x);
    assertAllClose(h.data, a(f.hs[t]), { rtol: 1e-12, atol: 1e-14 });
    const term = h.mul(a(f.G[t])).sum();
    loss = loss === null ? term : loss.add(term);
  });
  loss!.backward();
  xs.forEach((x, t) =>
    assertAllClose(x.grad!.data, a(f.gx[t]), { rtol: 1e-10, atol: 1e-13 })
  );
  assertAllClose(rnn.x2h.W.grad!.data, a(f.gWx), { rtol: 1e-10 });
  assertAllClose(rnn.x2h.b!.grad!.data, a(f.gbx), { rtol: 1e-10 });
  assertAllClose(rnn.h2h.W.grad!.data, a(f.gWh), { rtol: 1e-10 });
});

/** Two unrolled steps of DeZero's RNN as a plain function of everything. */
function twoSteps(
  x0: Variable,
  x1: Variable,
  Wx: Variable,
  bx: Variable,
  Wh: Variable,
): Variable {
  const h0 = tanh(linear(x0, Wx, bx));
  return tanh(linear(x1, Wx, bx).add(linear(h0, Wh)));
}

Deno.test("a two-step RNN passes gradientCheck in x and the weights, first and second order", () => {
  const args = [a(f.xs[0]), a(f.xs[1]), a(f.Wx), a(f.bx), a(f.Wh)];
  gradientCheck(twoSteps, args);
  gradientCheck(twoSteps, args, { order: 2 });
});

Deno.test("the RNN layer computes twoSteps exactly", () => {
  const rnn = rnnFromFixture();
  rnn.call(a(f.xs[0]));
  const h = rnn.call(a(f.xs[1]));
  const expected = twoSteps(
    ...[f.xs[0], f.xs[1], f.Wx, f.bx, f.Wh].map((v) => new Variable(a(v))) as [
      Variable,
      Variable,
      Variable,
      Variable,
      Variable,
    ],
  );
  assert.deepEqual(h.data.data, expected.data.data);
});

Deno.test("RNN draws x2h at construction or first call and h2h at the second step, as DeZero", () => {
  seed(0);
  const lazy = new RNN(3);
  assert.equal(lazy.h2h.W.hasData, false);
  lazy.call(array([[1, 2]]));
  assert.equal(lazy.h2h.W.hasData, false);
  lazy.call(array([[1, 2]]));
  assert.deepEqual(lazy.h2h.W.shape, [3, 3]);
  assert.deepEqual(lazy.x2h.W.shape, [2, 3]);
  // The parameters DeZero's layer has, under its names.
  assert.deepEqual([...lazy.flattenParams().keys()], [
    "x2h/W",
    "x2h/b",
    "h2h/W",
  ]);
  const eager = new RNN(3, { inSize: 2 });
  assert.deepEqual(eager.h2h.W.shape, [3, 3]);
});

Deno.test("RNN keeps its state between calls and resetState() forgets it", () => {
  const rnn = rnnFromFixture();
  const x = a(f.xs[0]);
  const first = rnn.call(x).data.data.slice();
  const second = rnn.call(x).data.data.slice();
  assert.notDeepEqual(first, second);
  rnn.resetState();
  assert.equal(rnn.h, null);
  assert.deepEqual(rnn.call(x).data.data, first);
});

Deno.test("RNN rejects a new batch size without resetState(), naming the shapes", () => {
  const rnn = rnnFromFixture();
  rnn.call(array([[1, 2, 3], [4, 5, 6]]));
  const h = rnn.h;
  assert.throws(
    () => rnn.call(array([[1, 2, 3]])),
    new TypeError(
      "Cannot apply RNN to an input of shape [1,3]: its hidden state has shape [2,4] from the previous call, so it expects a batch of 2; call resetState() before changing the batch size",
    ),
  );
  assert.equal(rnn.h, h);
  rnn.resetState();
  assert.deepEqual(rnn.call(array([[1, 2, 3]])).shape, [1, 4]);
});

Deno.test("RNN rejects a wrong input size, a non-matrix input and bad sizes", () => {
  const rnn = new RNN(4);
  rnn.call(array([[1, 2, 3]]));
  assert.throws(
    () => rnn.call(array([[1, 2]])),
    new TypeError(
      "Cannot apply RNN to an input of shape [1,2]: its input size is 3, so it expects [N,3]",
    ),
  );
  assert.throws(
    () => rnn.call(array([1, 2, 3])),
    new TypeError(
      "Cannot apply RNN to an input of shape [3]: expected a 2-d input [N, I], one time step of a batch",
    ),
  );
  assert.throws(
    () => new RNN(0),
    new RangeError(
      "Cannot use 0 as hiddenSize of RNN: expected a positive integer",
    ),
  );
  assert.throws(
    () => new RNN(3, { inSize: "2" as unknown as number }),
    new TypeError(
      'Cannot use string "2" as inSize of RNN: expected a positive integer',
    ),
  );
});

const gc = (globalThis as { gc?: () => void }).gc;

Deno.test({
  name:
    "truncated BPTT with unchainBackward() holds the heap flat over many steps",
  ignore: gc === undefined,
}, () => {
  seed(0);
  const rnn = new RNN(20, { inSize: 1 });
  const W = new Parameter(array([
    [0.5],
    [0.1],
    [-0.2],
    [0.3],
    [0.0],
    [
      0.1,
    ],
    [0.2],
    [-0.1],
    [0.05],
    [0.3],
    [0.1],
    [0.2],
    [-0.3],
    [0.4],
    [0.0],
    [
      0.1,
    ],
    [0.2],
    [-0.2],
    [0.1],
    [0.3],
  ]));
  let loss: Variable = new Variable(array(0));
  let count = 0;
  function step(): void {
    const x = array([[Math.sin(count / 10)]]);
    const y = rnn.call(x).matmul(W);
    loss = loss.add(y.sub(Math.sin((count + 1) / 10)).square().sum());
    count++;
    if (count % 30 === 0) {
      rnn.clearGrads();
      loss.backward();
      loss.unchainBackward();
    }
  }
  // No yielding to the event loop: a synchronous loop must not keep old
  // steps alive (Layer.call once kept WeakRefs, which V8 holds until the
  // current job ends).
  for (let i = 0; i < 1000; i++) step();
  gc!();
  gc!();
  const before = Deno.memoryUsage().heapUsed;
  for (let i = 0; i < 10_000; i++) step();
  gc!();
  gc!();
  const after = Deno.memoryUsage().heapUsed;
  // A graph kept alive would grow by ~10,000 steps × ~15 nodes; allow 2 MB.
  assert.ok(
    after - before < 2 * 1024 * 1024,
    `heap grew by ${after - before} bytes over 10,000 steps`,
  );
});
