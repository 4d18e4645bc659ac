import assert from "node:assert/strict";
import { toFlat } from "../core/_ndarray.ts";
import { rand, seed } from "../random/mod.ts";
import { SinCurve } from "./mod.ts";
import fixtures from "./testdata/dezero_data.json" with { type: "json" };

function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt("0x" + hex));
  return view.getFloat64(0);
}

/** Units in the last place between two doubles of one sign. */
function ulps(a: number, b: number): number {
  const view = new DataView(new ArrayBuffer(16));
  view.setFloat64(0, a);
  view.setFloat64(8, b);
  const d = view.getBigInt64(0) - view.getBigInt64(8);
  return Number(d < 0n ? -d : d);
}

/**
 * Compare with NumPy's values. NumPy's vectorised sin and cos (SIMD loops on
 * x86-64) and V8's Math.sin and Math.cos (fdlibm) each round a little
 * differently, so most values agree exactly and the others differ in the last
 * bit or two; anything larger (a wrong grid, noise or shift) fails.
 */
function compare(actual: Float64Array, expected: string[]): number {
  assert.equal(actual.length, expected.length);
  let differing = 0;
  expected.forEach((hex, k) => {
    const value = fromBits(hex);
    if (Object.is(actual[k], value)) return;
    differing++;
    assert.ok(
      Math.abs(actual[k] - value) <=
        2 * Number.EPSILON * Math.max(1, Math.abs(value)),
      `[${k}]: ${actual[k]} vs ${value}`,
    );
  });
  return differing;
}

Deno.test("SinCurve gives DeZero's noisy training curve for seed 0, and its test curve", () => {
  seed(0);
  const train = new SinCurve();
  assert.deepEqual(train.data!.shape, [999, 1]);
  assert.deepEqual(train.label!.shape, [999, 1]);
  const fixture = fixtures.sin_train_seed0;
  let differing = compare(toFlat(train.data!), fixture.data);
  differing += compare(toFlat(train.label!), fixture.label);
  const test = new SinCurve({ train: false });
  differing += compare(toFlat(test.data!), fixtures.sin_test_after.data);
  differing += compare(toFlat(test.label!), fixtures.sin_test_after.label);
  assert.ok(differing < 3996, "some values agree exactly");
  // The test split drew its (unused) noise too, as DeZero's.
  assert.deepEqual(
    Array.from(toFlat(rand(3))),
    fixtures.sin_test_after.after.map(fromBits),
  );
  // Labels are the data shifted by one.
  assert.equal(train.get(5)[1]!.get(0), train.get(6)[0].get(0));
  assert.equal(ulps(test.get(0)[0].get(0), 1), 0);
});
