import assert from "node:assert/strict";
import { array, logsumexp, Variable } from "../mod.ts";
import { assertAllClose, gradientCheck } from "../testing/mod.ts";
import { checkFixture, fixtureCases } from "./testdata/_fixtures.ts";

Deno.test("logsumexp() matches PyTorch's logsumexp, gradients and second derivatives", () => {
  for (const c of fixtureCases("logsumexp")) {
    checkFixture(
      c,
      (x) =>
        logsumexp(x, {
          axis: c.params.axis as number | number[] | undefined,
          keepdims: c.params.keepdims as boolean | undefined,
        }),
    );
  }
});

Deno.test("logsumexp() stays exact at ±1000 and gives -Infinity for a row of -Infinity", () => {
  const x = new Variable(array([[1000, 1000], [-1000, -1000], [0, -Infinity]]));
  assertAllClose(logsumexp(x, { axis: 1 }), [
    1000 + Math.LN2,
    -1000 + Math.LN2,
    0,
  ], { rtol: 1e-15 });
  const empty = logsumexp(array([-Infinity, -Infinity]));
  assert.equal(empty.data.get(), -Infinity);
  assert.deepEqual(logsumexp(x, { axis: 0, keepdims: true }).shape, [1, 2]);
});

Deno.test("logsumexp() passes first- and second-order gradient checks", () => {
  const x = array([[[0.3, -0.2], [1, 0.5]], [[-1, 2], [0, 0.4]]]);
  gradientCheck((v) => logsumexp(v), x);
  gradientCheck((v) => logsumexp(v, { axis: [0, 2] }), x, { order: 2 });
  gradientCheck((v) => logsumexp(v, { axis: 1, keepdims: true }), x, {
    order: 2,
  });
});

Deno.test("logsumexp() has the softmax as its finite gradient at ±1000", () => {
  const x = new Variable(array([[1000, 1000, -1000], [-1000, -1000, 1000]]));
  logsumexp(x, { axis: 1 }).backward();
  assertAllClose(x.grad!, [[0.5, 0.5, 0], [0, 0, 1]], { atol: 1e-16 });
});
