import assert from "node:assert/strict";
import { config, noGrad, testMode, usingConfig } from "../mod.ts";

Deno.test("testMode() switches config.train off for its callback and restores it, even on throw", () => {
  assert.equal(config.train, true);
  assert.equal(testMode(() => config.train), false);
  assert.equal(config.train, true);
  assert.throws(() =>
    testMode(() => {
      throw new RangeError("inside");
    }), RangeError);
  assert.equal(config.train, true);
});

Deno.test("testMode() nests with noGrad() and usingConfig()", () => {
  const seen = testMode(() =>
    noGrad(() => [config.train, config.enableBackprop])
  );
  assert.deepEqual(seen, [false, false]);
  assert.equal(usingConfig({ train: false }, () => config.train), false);
  assert.equal(
    testMode(() => usingConfig({ train: true }, () => config.train)),
    true,
  );
  assert.deepEqual([config.train, config.enableBackprop], [true, true]);
});

Deno.test("testMode() rejects an async callback and a non-function", () => {
  assert.throws(() => testMode(async () => {}), TypeError);
  assert.equal(config.train, true);
  assert.throws(() => testMode(3 as never), TypeError);
});
