import assert from "node:assert/strict";
import { add, array, Parameter, toNested } from "../mod.ts";
import { SGD } from "./sgd.ts";
import { replay } from "./testdata/fixtures.ts";
import { WeightDecay } from "./weight_decay.ts";

Deno.test("WeightDecay with SGD matches torch.optim.SGD(weight_decay=...)", () => {
  replay(new SGD(0.1).addHook(new WeightDecay(0.05)), "sgd_weight_decay");
  replay(new SGD(0.1).addHook(new WeightDecay(0.05)), "sgd_weight_decay", {
    strided: true,
  });
});

Deno.test("WeightDecay leaves a gradient shared with another parameter untouched", () => {
  const a = new Parameter(array([1, 2]));
  const b = new Parameter(array([10, 20]));
  add(a, b).sum().backward();
  const optimizer = new SGD(1).setup([b]).addHook(new WeightDecay(0.5));
  const shared = a.grad;
  optimizer.update();
  assert.deepEqual(toNested(a.grad!.data), [1, 1]);
  assert.equal(a.grad, shared);
  assert.deepEqual(toNested(b.data), [10 - 6, 20 - 11]);
});

Deno.test("WeightDecay rejects a negative rate", () => {
  assert.throws(
    () => new WeightDecay(-1),
    new RangeError("Cannot use rate -1 in WeightDecay: expected a number >= 0"),
  );
});
