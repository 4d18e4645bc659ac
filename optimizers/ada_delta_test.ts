import assert from "node:assert/strict";
import { AdaDelta } from "./ada_delta.ts";
import { replay } from "./testdata/fixtures.ts";

Deno.test("AdaDelta with DeZero's defaults matches torch.optim.Adadelta(rho=0.95)", () => {
  replay(new AdaDelta(), "adadelta");
  replay(new AdaDelta(), "adadelta", { strided: true });
});

Deno.test("AdaDelta with lr, rho and eps matches torch.optim.Adadelta", () => {
  replay(new AdaDelta({ lr: 0.5, rho: 0.9, eps: 1e-4 }), "adadelta_lr");
});

Deno.test("AdaDelta rejects rho outside [0, 1) and a non-positive lr", () => {
  assert.throws(
    () => new AdaDelta({ rho: 1 }),
    new RangeError("Cannot use rho 1 in AdaDelta: expected a number in [0, 1)"),
  );
  assert.throws(() => new AdaDelta({ lr: 0 }), RangeError);
  assert.throws(() => new AdaDelta({ eps: NaN }), RangeError);
});
