import assert from "node:assert/strict";
import { array, sigmoid, toNested, Variable } from "../mod.ts";
import { assertAllClose, gradientCheck } from "../testing/mod.ts";

const values = [-4, -1.5, -0.25, 0, 0.3, 2, 5];

Deno.test("sigmoid() equals 1 / (1 + e^-x)", () => {
  const y = sigmoid(new Variable(array(values)));
  assertAllClose(y, values.map((v) => 1 / (1 + Math.exp(-v))), {
    rtol: 1e-14,
  });
});

Deno.test("sigmoid() has the derivative e^-x / (1 + e^-x)²", () => {
  const x = new Variable(array(values));
  sigmoid(x).backward();
  assertAllClose(
    x.grad!,
    values.map((v) => Math.exp(-v) / (1 + Math.exp(-v)) ** 2),
    { rtol: 1e-13 },
  );
});

Deno.test("sigmoid() passes first- and second-order gradient checks", () => {
  gradientCheck(sigmoid, array([[0.1, -2, 3], [1, 0, -0.5]]));
  gradientCheck(sigmoid, array([[0.1, -2, 3], [1, 0, -0.5]]).transpose(1, 0));
  gradientCheck(sigmoid, array(0.7), { order: 2 });
  gradientCheck(sigmoid, array([[0.1, -2, 3], [1, 0, -0.5]]), { order: 2 });
});

Deno.test("sigmoid() stays finite and exact at ±1000 and keeps NaN", () => {
  const x = new Variable(array([-1000, 1000, -40, NaN]));
  const y = sigmoid(x);
  assert.deepEqual((toNested(y.data) as number[]).slice(0, 2), [0, 1]);
  assertAllClose(y.data.get(2), 1 / (1 + Math.exp(40)), { rtol: 1e-12 });
  assert.ok(Number.isNaN(y.data.get(3)));
  y.backward();
  assert.deepEqual((toNested(x.grad!.data) as number[]).slice(0, 2), [0, 0]);
});
