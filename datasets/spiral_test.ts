import assert from "node:assert/strict";
import { toFlat } from "../core/_ndarray.ts";
import { rand } from "../random/mod.ts";
import { getSpiral, Spiral } from "./mod.ts";
import fixtures from "./testdata/dezero_data.json" with { type: "json" };

function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt("0x" + hex));
  return view.getFloat64(0);
}

for (const train of [true, false]) {
  const split = train ? "training" : "test";
  Deno.test(`getSpiral() gives DeZero's ${split} points, labels and following stream`, () => {
    const expected = train ? fixtures.spiral_train : fixtures.spiral_test;
    const [x, t] = getSpiral({ train });
    assert.deepEqual(x.shape, [300, 2]);
    const points = toFlat(x);
    expected.x.forEach((hex, k) => {
      assert.ok(
        Object.is(points[k], fromBits(hex)),
        `x[${k >> 1}, ${k & 1}]: ${points[k]} !== ${fromBits(hex)}`,
      );
    });
    assert.deepEqual(Array.from(toFlat(t)), expected.t);
    // The global generator was seeded and advanced exactly as DeZero's.
    assert.deepEqual(Array.from(toFlat(rand(3))), expected.after.map(fromBits));
  });
}

Deno.test("Spiral holds getSpiral's arrays for its split, 100 points per class", () => {
  const train = new Spiral();
  const [x, t] = getSpiral();
  assert.deepEqual(Array.from(toFlat(train.data!)), Array.from(toFlat(x)));
  assert.deepEqual(Array.from(toFlat(train.label!)), Array.from(toFlat(t)));
  const counts = [0, 0, 0];
  for (const label of toFlat(train.label!)) counts[label]++;
  assert.deepEqual(counts, [100, 100, 100]);
  const test = new Spiral({ train: false });
  assert.equal(test.train, false);
  assert.deepEqual(
    Array.from(toFlat(test.data!)),
    Array.from(toFlat(getSpiral({ train: false })[0])),
  );
});

Deno.test("getSpiral() rejects a train flag that is not a boolean", () => {
  assert.throws(
    () => getSpiral({ train: "yes" as unknown as boolean }),
    /Cannot use string "yes" as train in getSpiral\(\): expected a boolean/,
  );
});

Deno.test("Spiral's first training example is the one the book prints in step 49", () => {
  // The book: (array([-0.13981389, -0.00721657], dtype=float32), 1)
  const [x, t] = new Spiral().get(0);
  assert.ok(Math.abs(x.get(0) - -0.13981389) < 5e-9);
  assert.ok(Math.abs(x.get(1) - -0.00721657) < 5e-9);
  assert.equal(t?.get(), 1);
});
