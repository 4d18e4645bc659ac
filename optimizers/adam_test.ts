import assert from "node:assert/strict";
import { array, Parameter } from "../mod.ts";
import { allClose } from "../testing/mod.ts";
import { Adam } from "./adam.ts";
import { expectedFinal, finalParams, replay } from "./testdata/fixtures.ts";

Deno.test("Adam matches a NumPy transcription of DeZero's Adam", () => {
  replay(new Adam(), "adam_dezero");
  replay(new Adam(0.01, { eps: 0.1 }), "adam_dezero_eps01");
  replay(new Adam(0.01, { eps: 0.1 }), "adam_dezero_eps01", { strided: true });
});

Deno.test("Adam matches torch.optim.Adam when eps is 0, and differs by eps's place otherwise", () => {
  replay(new Adam(0.01, { eps: 0 }), "adam_torch_eps0", { rtol: 1e-11 });
  const ours = finalParams(new Adam(0.01, { eps: 0.1 }));
  assert.ok(!allClose(ours, expectedFinal("adam_torch_eps01"), { rtol: 1e-6 }));
});

Deno.test("Adam's lr is alpha · √(1 − β₂ᵗ) / (1 − β₁ᵗ), with t counting updates", () => {
  const w = new Parameter(array([1]));
  const optimizer = new Adam(0.5, { beta1: 0.8, beta2: 0.9 }).setup([w]);
  for (let t = 1; t <= 3; t++) {
    w.grad = array([1]);
    optimizer.update();
    assert.equal(optimizer.t, t);
    assert.equal(
      optimizer.lr,
      0.5 * Math.sqrt(1 - 0.9 ** t) / (1 - 0.8 ** t),
    );
  }
});

Deno.test("Adam rejects bad settings", () => {
  assert.throws(
    () => new Adam(0),
    new RangeError("Cannot use alpha 0 in Adam: expected a positive number"),
  );
  assert.throws(() => new Adam(0.1, { beta1: 1 }), RangeError);
  assert.throws(() => new Adam(0.1, { beta2: -0.1 }), RangeError);
  assert.throws(() => new Adam(0.1, { eps: -1 }), RangeError);
  const optimizer = new Adam();
  assert.throws(() => optimizer.alpha = -1, RangeError);
  assert.equal(optimizer.alpha, 0.001);
});

Deno.test("Adam does not count an update that fails", () => {
  const optimizer = new Adam();
  assert.throws(() => optimizer.update(), /setup/);
  assert.equal(optimizer.t, 0);
});
