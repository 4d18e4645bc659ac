import assert from "node:assert/strict";
import { accuracy, array, Variable } from "../mod.ts";
import { fixtureCases } from "./testdata/_fixtures.ts";

Deno.test("accuracy() matches NumPy's mean(argmax(y, 1) == t)", () => {
  for (const c of fixtureCases("accuracy")) {
    const y = new Variable(array(c.inputs[0]));
    assert.equal(accuracy(y, c.params.t as number[]).data.get(), c.output);
  }
});

Deno.test("accuracy() returns a 0-d Variable with no creator, counting the first of tied scores", () => {
  const y = new Variable(array([[1, 1, 0], [0, 2, 2], [5, 0, 0]]));
  const result = accuracy(y, array([0, 2, 0]));
  assert.ok(result instanceof Variable);
  assert.deepEqual(result.shape, []);
  assert.equal(result.creator, null);
  assert.equal(result.data.get(), 2 / 3);
});

Deno.test("accuracy() rejects labels and scores of the wrong shape", () => {
  assert.throws(() => accuracy(array([[1, 0]]), [2]), {
    name: "RangeError",
    message:
      "Cannot use label 2 at index 0 with scores of shape [1,2] in accuracy: expected a class in 0..1",
  });
  assert.throws(() => accuracy(array([1, 0]), [0, 1]), {
    name: "TypeError",
    message: /scores of shape \[2\] in accuracy: expected 2-d scores/,
  });
  assert.throws(() => accuracy([[1, 0]] as never, [0]), {
    name: "TypeError",
    message: /Cannot use array of length 1 as scores in accuracy/,
  });
});
