import assert from "node:assert/strict";
import { MomentumSGD } from "./momentum_sgd.ts";
import { replay } from "./testdata/fixtures.ts";

Deno.test("MomentumSGD matches torch.optim.SGD with momentum over five steps", () => {
  replay(new MomentumSGD(0.1, 0.9), "momentum_sgd");
  replay(new MomentumSGD(0.1, 0.9), "momentum_sgd", { strided: true });
});

Deno.test("MomentumSGD with momentum 0 is SGD", () => {
  replay(new MomentumSGD(0.1, 0), "sgd");
});

Deno.test("MomentumSGD rejects a bad learning rate or momentum", () => {
  assert.throws(() => new MomentumSGD(0), RangeError);
  assert.throws(
    () => new MomentumSGD(0.1, -0.5),
    new RangeError(
      "Cannot use momentum -0.5 in MomentumSGD: expected a number >= 0",
    ),
  );
  assert.equal(new MomentumSGD().momentum, 0.9);
  assert.equal(new MomentumSGD().lr, 0.01);
});
