import assert from "node:assert/strict";
import { array, leakyRelu, toNested, Variable } from "../mod.ts";
import { gradientCheck } from "../testing/mod.ts";
import { checkFixture, fixtureCases } from "./testdata/_fixtures.ts";

Deno.test("leakyRelu() matches PyTorch's leaky_relu and its gradient", () => {
  for (const c of fixtureCases("leakyRelu")) {
    checkFixture(c, (x) => leakyRelu(x, c.params.slope as number));
  }
});

Deno.test("leakyRelu() scales non-positive inputs by 0.2 by default, with DeZero's gradient at 0", () => {
  const x = new Variable(array([-5, 0, 2]));
  const y = leakyRelu(x);
  y.backward();
  assert.deepEqual(toNested(y.data), [-1, 0, 2]);
  assert.deepEqual(toNested(x.grad!.data), [0.2, 0.2, 1]);
});

Deno.test("leakyRelu() passes first- and second-order gradient checks", () => {
  const x = array([[-1.5, 0.3, 2], [0.7, -0.2, -3]]);
  gradientCheck((v) => leakyRelu(v, 0.1), x);
  gradientCheck((v) => leakyRelu(v, 0.1), x, { order: 2 });
  gradientCheck((v) => leakyRelu(v).mul(v), x, { order: 2 });
});

Deno.test("leakyRelu() rejects a slope that is not a finite number", () => {
  assert.throws(
    () => leakyRelu(array([1]), NaN),
    { name: "TypeError", message: /LeakyRelu expects a finite number/ },
  );
});
