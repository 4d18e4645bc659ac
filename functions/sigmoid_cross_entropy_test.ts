import assert from "node:assert/strict";
import {
  array,
  SigmoidCrossEntropy,
  sigmoidCrossEntropy,
  Variable,
} from "../mod.ts";
import { assertAllClose, gradientCheck } from "../testing/mod.ts";
import { checkFixture, fixtureCases } from "./testdata/_fixtures.ts";

Deno.test("sigmoidCrossEntropy() matches PyTorch's binary_cross_entropy_with_logits on both inputs, second derivatives too", () => {
  for (const c of fixtureCases("sigmoidCrossEntropy")) {
    checkFixture(c, (x, t) => sigmoidCrossEntropy(x, t));
  }
});

Deno.test("sigmoidCrossEntropy() of ±1000 gives the exact limit and finite gradients", () => {
  const x = new Variable(array([[1000], [-1000], [1000], [-1000]]));
  const loss = sigmoidCrossEntropy(x, array([[1], [0], [0], [1]]));
  loss.backward();
  // Right answers cost 0; wrong ones cost |x| = 1000.
  assert.equal(loss.data.get(), (0 + 0 + 1000 + 1000) / 4);
  assertAllClose(x.grad!, [[0], [0], [0.25], [-0.25]]);
});

Deno.test("sigmoidCrossEntropy() equals -mean(t log p + (1 - t) log(1 - p)) on moderate logits", () => {
  const xs = [0.5, -1.2, 2];
  const ts = [1, 0, 0.3];
  const p = xs.map((v) => 1 / (1 + Math.exp(-v)));
  const expected = -ts.reduce(
    (s, t, i) => s + t * Math.log(p[i]) + (1 - t) * Math.log(1 - p[i]),
    0,
  ) / 3;
  assertAllClose(sigmoidCrossEntropy(array(xs), array(ts)), expected, {
    rtol: 1e-14,
  });
});

Deno.test("sigmoidCrossEntropy() passes first- and second-order gradient checks on both inputs", () => {
  const x = array([[0.5], [-1.2], [2]]);
  const t = array([[1], [0], [0.3]]);
  gradientCheck(sigmoidCrossEntropy, [x, t]);
  gradientCheck(sigmoidCrossEntropy, [x, t], { order: 2 });
});

Deno.test("sigmoidCrossEntropy() reshapes targets of the same size, as DeZero, and rejects others", () => {
  const x = array([[0.5], [-1.2]]);
  assert.equal(
    sigmoidCrossEntropy(x, array([1, 0])).data.get(),
    sigmoidCrossEntropy(x, array([[1], [0]])).data.get(),
  );
  assert.throws(() => sigmoidCrossEntropy(x, array([1, 0, 1])), {
    name: "TypeError",
    message:
      "Cannot use targets of shape [3] with logits of shape [2,1] in sigmoidCrossEntropy: expected 2 targets, got 3",
  });
});

Deno.test("SigmoidCrossEntropy called directly checks that the shapes agree", () => {
  assert.throws(
    () => new SigmoidCrossEntropy().call(array([1, 2]), array([1])),
    {
      name: "TypeError",
      message:
        "Cannot use targets of shape [1] with logits of shape [2] in SigmoidCrossEntropy: expected equal shapes",
    },
  );
});
