import assert from "node:assert/strict";
import { array, Parameter } from "../mod.ts";
import { AdamW } from "./adam_w.ts";
import { replay } from "./testdata/fixtures.ts";

Deno.test("AdamW matches torch.optim.AdamW over five steps", () => {
  replay(new AdamW(0.01, { weightDecay: 0.1 }), "adamw");
  replay(
    new AdamW(0.01, { beta1: 0.8, beta2: 0.99, eps: 0.1, weightDecay: 0.5 }),
    "adamw_eps01",
  );
  replay(new AdamW(0.01, { weightDecay: 0.1 }), "adamw", { strided: true });
});

Deno.test("AdamW with weightDecay 0 matches torch.optim.Adam", () => {
  replay(new AdamW(0.01, { eps: 0, weightDecay: 0 }), "adam_torch_eps0", {
    rtol: 1e-11,
  });
});

Deno.test("AdamW counts steps per parameter, as PyTorch", () => {
  const a = new Parameter(array([1]));
  const b = new Parameter(array([1]));
  const optimizer = new AdamW(0.1, { weightDecay: 0 }).setup([a, b]);
  a.grad = array([1]);
  optimizer.update(); // b has no gradient: not updated, no step counted
  a.grad = array([1]);
  b.grad = array([1]);
  optimizer.update();
  // b's first step moves it by lr (m̂ = v̂ = 1), a's second by lr as well.
  assert.ok(Math.abs(b.data.get(0) - 0.9) < 1e-7);
  assert.ok(Math.abs(a.data.get(0) - 0.8) < 1e-7);
});

Deno.test("AdamW rejects bad settings", () => {
  assert.throws(() => new AdamW(0), RangeError);
  assert.throws(
    () => new AdamW(0.1, { weightDecay: -1 }),
    new RangeError(
      "Cannot use weightDecay -1 in AdamW: expected a number >= 0",
    ),
  );
});
