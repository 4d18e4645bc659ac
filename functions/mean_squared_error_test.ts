import assert from "node:assert/strict";
import { array, meanSquaredError, Variable } from "../mod.ts";
import { gradientCheck } from "../testing/mod.ts";
import { checkFixture, fixtureCases } from "./testdata/_fixtures.ts";

Deno.test("meanSquaredError() matches DeZero's formula computed by PyTorch, broadcasting included", () => {
  for (const c of fixtureCases("meanSquaredError")) {
    checkFixture(c, (a, b) => meanSquaredError(a, b));
  }
});

Deno.test("meanSquaredError() divides by the length of the first axis, as DeZero", () => {
  const x0 = new Variable(array([[1, 2], [3, 4]]));
  const x1 = new Variable(array([[0, 0], [0, 0]]));
  const y = meanSquaredError(x0, x1);
  y.backward();
  assert.equal(y.data.get(), (1 + 4 + 9 + 16) / 2);
  assert.equal(x0.grad!.data.get(1, 1), (2 * 4) / 2);
  assert.equal(x1.grad!.data.get(1, 1), -(2 * 4) / 2);
});

Deno.test("meanSquaredError() passes first- and second-order gradient checks on both inputs", () => {
  const x0 = array([[0.3, -0.2], [1.1, 1], [0.5, -2]]);
  const x1 = array([0.7, -0.4]);
  gradientCheck(meanSquaredError, [x0, x1]);
  gradientCheck(meanSquaredError, [x0, x1], { order: 2 });
});

Deno.test("meanSquaredError() names itself when the shapes do not broadcast", () => {
  assert.throws(() => meanSquaredError(array([1, 2]), array([1, 2, 3])), {
    name: "TypeError",
    message: /Cannot broadcast shapes \[2\] and \[3\] in MeanSquaredError/,
  });
});
