import assert from "node:assert/strict";
import { array, sigmoid, tanh, type Variable } from "../mod.ts";
import { assertAllClose } from "../testing/mod.ts";
import { linear } from "../functions/linear.ts";
import { MLP } from "./mlp.ts";

Deno.test("MLP applies the activation between its layers, not after the last", () => {
  const calls: number[][] = [];
  const activation = (x: Variable): Variable => {
    calls.push([...x.shape]);
    return tanh(x);
  };
  const model = new MLP([5, 4, 2], { activation });
  const x = array([[0.1, 0.2, 0.3]]);
  const y = model.call(x);
  assert.deepEqual(calls, [[1, 5], [1, 4]]);
  const [l0, l1, l2] = model.layers;
  const expected = linear(
    tanh(linear(tanh(linear(x, l0.W, l0.b)), l1.W, l1.b)),
    l2.W,
    l2.b,
  );
  assertAllClose(y, expected, { rtol: 0 });
  assert.equal(model.l2, l2);
});

Deno.test("MLP uses sigmoid by default and names layers l0, l1", () => {
  const model = new MLP([3, 1]);
  const x = array([[2]]);
  const y = model.call(x);
  const expected = linear(
    sigmoid(linear(x, model.l0.W, model.l0.b)),
    model.l1.W,
    model.l1.b,
  );
  assertAllClose(y, expected, { rtol: 0 });
  assert.deepEqual([...model.flattenParams().keys()], [
    "l0/W",
    "l0/b",
    "l1/W",
    "l1/b",
  ]);
});

Deno.test("MLP rejects empty sizes and an activation that is not a function", () => {
  assert.throws(
    () => new MLP([]),
    /Cannot use an empty array as the layer sizes of MLP|Cannot use .* as the layer sizes of MLP: expected a non-empty array of positive integers/,
  );
  assert.throws(() => new MLP([0]), RangeError);
  assert.throws(
    () =>
      new MLP([2], {
        activation: "relu" as unknown as (x: Variable) => Variable,
      }),
    /Cannot use string "relu" as the activation of MLP: expected a function/,
  );
});
