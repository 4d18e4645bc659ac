import assert from "node:assert/strict";
import { array, softmax, sum, toNested, Variable } from "../mod.ts";
import { assertAllClose, gradientCheck } from "../testing/mod.ts";
import { checkFixture, fixtureCases } from "./testdata/_fixtures.ts";

Deno.test("softmax() matches PyTorch's softmax, gradients and second derivatives", () => {
  for (const c of fixtureCases("softmax")) {
    checkFixture(c, (x) => softmax(x, c.params.axis as number));
  }
});

Deno.test("softmax() rows sum to 1 and equal exp(x) / sum(exp(x)) on small inputs", () => {
  const x = array([[1, 2, 3], [-1, 0, 1]]);
  const y = softmax(new Variable(x));
  const e = [1, 2, 3].map(Math.exp);
  const z = e[0] + e[1] + e[2];
  assertAllClose(y, [e.map((v) => v / z), e.map((v) => v / z)], {
    rtol: 1e-14,
  });
  assertAllClose(sum(y, { axis: 1 }), [1, 1], { rtol: 1e-14 });
});

Deno.test("softmax() of ±1000 gives the exact limit and finite gradients", () => {
  const x = new Variable(array([[1000, -1000, 0], [1000, 1000, -1000]]));
  const y = softmax(x);
  assert.deepEqual(toNested(y.data), [[1, 0, 0], [0.5, 0.5, 0]]);
  y.grad = array([[1, 2, 3], [1, 2, 3]]);
  y.backward();
  assert.ok(
    (toNested(x.grad!.data) as number[][]).flat().every(Number.isFinite),
  );
  // gx = y(gy - y·gy): 0 in the first row; ±0.25 in the second.
  assertAllClose(x.grad!, [[0, 0, 0], [-0.25, 0.25, 0]]);
});

Deno.test("softmax() passes first- and second-order gradient checks over one axis and several", () => {
  const x = array([[0.5, -1, 2], [0.1, 0.2, -0.3]]);
  gradientCheck((v) => softmax(v), x);
  gradientCheck((v) => softmax(v), x, { order: 2 });
  const cube = array([[[0.3, -0.2], [1, 0.5]], [[-1, 2], [0, 0.4]]]);
  gradientCheck((v) => softmax(v, [0, 2]), cube);
  gradientCheck((v) => softmax(v, [0, 2]), cube, { order: 2 });
  const t = sum(softmax(new Variable(cube), [0, 2]), { axis: [0, 2] });
  assertAllClose(t, [1, 1], { rtol: 1e-14 });
});

Deno.test("softmax() names itself and the axis when the axis is out of range", () => {
  assert.throws(() => softmax(array([1, 2]), 1), {
    name: "RangeError",
    message: /Softmax needs axes in -1\.\.0, got 1/,
  });
});
