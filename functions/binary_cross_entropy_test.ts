import assert from "node:assert/strict";
import { array, binaryCrossEntropy, Variable } from "../mod.ts";
import { assertAllClose, gradientCheck } from "../testing/mod.ts";
import { checkFixture, fixtureCases } from "./testdata/_fixtures.ts";

Deno.test("binaryCrossEntropy() matches PyTorch's binary_cross_entropy, its clamps at 0 and 1 included", () => {
  for (const c of fixtureCases("binaryCrossEntropy")) {
    checkFixture(c, (p, t) => binaryCrossEntropy(p, t));
  }
});

Deno.test("binaryCrossEntropy() stays finite at probabilities 0 and 1: each log is at least -100", () => {
  const p = new Variable(array([0, 1, 0, 1]));
  const loss = binaryCrossEntropy(p, array([1, 0, 0, 1]));
  assert.equal(loss.data.get(), (100 + 100 + 0 + 0) / 4);
});

Deno.test("binaryCrossEntropy() passes first- and second-order gradient checks on both inputs", () => {
  const p = array([[0.3, 0.8], [0.55, 0.1]]);
  const t = array([[1, 0], [0.4, 0]]);
  gradientCheck(binaryCrossEntropy, [p, t]);
  gradientCheck(binaryCrossEntropy, [p, t], { order: 2 });
  // dL/dp = (p - t) / (p (1 - p)) / N by hand.
  const pv = new Variable(array([0.25]));
  binaryCrossEntropy(pv, array([1])).backward();
  assertAllClose(pv.grad!, [(0.25 - 1) / (0.25 * 0.75)]);
});

Deno.test("binaryCrossEntropy() rejects probabilities outside [0, 1] and mismatched shapes", () => {
  assert.throws(() => binaryCrossEntropy(array([0.5, 1.5]), array([1, 1])), {
    name: "RangeError",
    message:
      "Cannot use probability 1.5 at flat index 1 of shape [2] in BinaryCrossEntropy: expected values in [0, 1]",
  });
  assert.throws(() => binaryCrossEntropy(array([0.5, 0.5]), array([1])), {
    name: "TypeError",
    message:
      "Cannot use targets of shape [1] with probabilities of shape [2] in binaryCrossEntropy: expected equal shapes",
  });
});
