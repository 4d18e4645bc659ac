import assert from "node:assert/strict";
import { array, toNested } from "../mod.ts";
import { toFlat } from "../core/_ndarray.ts";
import { getSpiral, Spiral } from "../datasets/mod.ts";
import { rand, RandomState, seed } from "../random/mod.ts";
import { DataLoader } from "./mod.ts";
import fixtures from "../datasets/testdata/dezero_data.json" with {
  type: "json",
};

function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt("0x" + hex));
  return view.getFloat64(0);
}

Deno.test("DataLoader over the spiral gives DeZero's batches for two epochs, and the same stream after", () => {
  const dataset = new Spiral(); // seeds the global generator with 1984
  const [x] = getSpiral(); // reseeds: the loader starts where DeZero's does
  const loader = new DataLoader(dataset, 30);
  const expected = fixtures.loader_spiral_batch30.batches;
  let k = 0;
  for (let epoch = 0; epoch < 2; epoch++) {
    for (const [inputs, labels] of loader) {
      const indices = expected[k++];
      assert.deepEqual(inputs.shape, [30, 2]);
      assert.deepEqual(labels.shape, [30]);
      assert.deepEqual(
        Array.from(toFlat(labels)),
        indices.map((i) => dataset.label!.get(i)),
      );
      assert.deepEqual(
        toNested(inputs),
        indices.map((i) => [x.get(i, 0), x.get(i, 1)]),
      );
    }
  }
  assert.equal(k, expected.length);
  assert.deepEqual(
    Array.from(toFlat(rand(2))),
    fixtures.loader_spiral_batch30.after.map(fromBits),
  );
});

/** A dataset whose inputs are their own indices, to read batch order. */
function counting(n: number) {
  return {
    length: n,
    get: (i: number) => [array([i, -i]), i] as const,
  };
}

Deno.test("DataLoader ends each epoch with a partial batch and reshuffles at the end", () => {
  seed(fixtures.loader_partial.seed);
  const loader = new DataLoader(counting(10), 4);
  assert.equal(loader.maxIter, 3);
  const seen: number[][] = [];
  for (let epoch = 0; epoch < 3; epoch++) {
    for (const [x, t] of loader) {
      assert.deepEqual(x.shape, [t.shape[0], 2]);
      seen.push(Array.from(toFlat(t)));
    }
  }
  assert.deepEqual(seen, fixtures.loader_partial.batches);
  assert.deepEqual(seen.map((b) => b.length), [4, 4, 2, 4, 4, 2, 4, 4, 2]);
});

Deno.test("DataLoader without shuffle reads in order, and reset() starts the epoch over", () => {
  const loader = new DataLoader(counting(5), 2, { shuffle: false });
  assert.deepEqual(toNested(loader.next().value![1]), [0, 1]);
  loader.reset();
  assert.deepEqual([...loader].map(([, t]) => toNested(t)), [[0, 1], [2, 3], [
    4,
  ]]);
  assert.equal(loader.iteration, 0, "the finished epoch reset the loader");
});

Deno.test("DataLoader with its own RandomState leaves the global stream alone", () => {
  seed(1);
  const expected = new RandomState(1).rand();
  const loader = new DataLoader(counting(6), 3, { random: new RandomState(7) });
  const reference = new RandomState(7).permutation(6);
  assert.deepEqual(
    toNested(loader.next().value![1]),
    Array.from(toFlat(reference)).slice(0, 3),
  );
  assert.equal(rand(), expected);
});

Deno.test("DataLoader errors name the loader and what was expected", () => {
  assert.throws(
    () => new DataLoader(counting(3), 0),
    /Cannot use batch size 0 in DataLoader: expected a positive integer/,
  );
  assert.throws(() => new DataLoader(counting(3), 1.5), TypeError);
  assert.throws(
    () => new DataLoader({} as never, 1),
    /Cannot load object in DataLoader/,
  );
  assert.throws(
    () => new DataLoader(counting(3), 1, { shuffle: "no" as never }),
    TypeError,
  );
  assert.throws(
    () => new DataLoader(counting(3), 1, { random: Math.random as never }),
    /expected a RandomState/,
  );
  const ragged = {
    length: 2,
    get: (i: number) => [i === 0 ? array([1, 2]) : array([1]), 0] as const,
  };
  assert.throws(
    () => new DataLoader(ragged, 2, { shuffle: false }).next(),
    /Cannot stack the input of example 1 in DataLoader: its shape is \[1\], expected \[2\]/,
  );
  const unlabeled = { length: 1, get: () => [array([1]), null] as const };
  assert.throws(
    () => new DataLoader(unlabeled, 1).next(),
    /a loader needs labels/,
  );
});
