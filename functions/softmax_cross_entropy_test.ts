import assert from "node:assert/strict";
import { array, softmaxCrossEntropy, Variable } from "../mod.ts";
import { assertAllClose, gradientCheck } from "../testing/mod.ts";
import { checkFixture, fixtureCases } from "./testdata/_fixtures.ts";

Deno.test("softmaxCrossEntropy() matches PyTorch's cross_entropy, gradients and second derivatives", () => {
  for (const c of fixtureCases("softmaxCrossEntropy")) {
    checkFixture(c, (x) => softmaxCrossEntropy(x, c.params.t as number[]));
  }
});

Deno.test("softmaxCrossEntropy() of ±1000 gives the exact limit and finite gradients", () => {
  const x = new Variable(array([[1000, -1000], [1000, -1000], [-1000, -1000]]));
  const loss = softmaxCrossEntropy(x, [0, 1, 1]);
  loss.backward();
  // Row losses: 0, 2000 and log 2; the gradient is (softmax - onehot) / 3.
  assertAllClose(loss, (0 + 2000 + Math.LN2) / 3, { rtol: 1e-15 });
  assertAllClose(x.grad!, [[0, 0], [1 / 3, -1 / 3], [0.5 / 3, -0.5 / 3]], {
    atol: 1e-16,
  });
});

Deno.test("softmaxCrossEntropy() takes labels as numbers, a float64 array or a Variable, which gets no gradient", () => {
  const x = array([[0.2, 1.5, -0.3], [0.9, 0.1, 0.4]]);
  const expected = softmaxCrossEntropy(x, [1, 2]).data.get();
  assert.equal(softmaxCrossEntropy(x, array([1, 2])).data.get(), expected);
  const t = new Variable(array([1, 2]));
  const scores = new Variable(x);
  softmaxCrossEntropy(scores, t).backward();
  assert.equal(t.grad, null);
  assert.ok(scores.grad !== null);
});

Deno.test("softmaxCrossEntropy() passes first- and second-order gradient checks", () => {
  const x = array([[0.2, 1.5, -0.3], [0.9, 0.1, 0.4], [-1, 2, 0.5], [0, 0, 0]]);
  const f = (v: Variable) => softmaxCrossEntropy(v, [1, 2, 0, 1]);
  gradientCheck(f, x);
  gradientCheck(f, x, { order: 2 });
});

Deno.test("softmaxCrossEntropy() rejects bad labels with errors naming the function and the shapes", () => {
  const x = array([[0.2, 1.5, -0.3], [0.9, 0.1, 0.4]]);
  assert.throws(() => softmaxCrossEntropy(x, [1, 3]), {
    name: "RangeError",
    message:
      "Cannot use label 3 at index 1 with scores of shape [2,3] in SoftmaxCrossEntropy: expected a class in 0..2",
  });
  assert.throws(() => softmaxCrossEntropy(x, [-1, 0]), {
    name: "RangeError",
  });
  assert.throws(() => softmaxCrossEntropy(x, [0.5, 1]), {
    name: "TypeError",
    message:
      "Cannot use label 0.5 at index 0 with scores of shape [2,3] in SoftmaxCrossEntropy: expected integral class labels",
  });
  assert.throws(() => softmaxCrossEntropy(x, array([[0], [1]])), {
    name: "TypeError",
    message:
      "Cannot use labels of shape [2,1] with scores of shape [2,3] in SoftmaxCrossEntropy: expected labels of shape [2], one per row",
  });
  assert.throws(() => softmaxCrossEntropy(x, [0]), {
    name: "TypeError",
    message: /labels of shape \[1\] with scores of shape \[2,3\]/,
  });
  assert.throws(() => softmaxCrossEntropy(array([1, 2]), [0, 1]), {
    name: "TypeError",
    message:
      "Cannot use scores of shape [2] in SoftmaxCrossEntropy: expected 2-d scores of shape [N, C]",
  });
  assert.throws(
    () => softmaxCrossEntropy(x, "0,1" as unknown as number[]),
    { name: "TypeError", message: /Cannot use string "0,1" as labels/ },
  );
});
