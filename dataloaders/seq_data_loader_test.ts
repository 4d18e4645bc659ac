import assert from "node:assert/strict";
import { array } from "../mod.ts";
import { toFlat } from "../core/_ndarray.ts";
import { SinCurve } from "../datasets/mod.ts";
import { SeqDataLoader } from "./mod.ts";
import fixtures from "../datasets/testdata/dezero_data.json" with {
  type: "json",
};

Deno.test("SeqDataLoader over the sine curve reads DeZero's indices, batch 30 of 999", () => {
  const curve = new SinCurve();
  const loader = new SeqDataLoader(curve, 30);
  assert.equal(loader.maxIter, 34);
  const data = toFlat(curve.data!);
  const batches = [...loader];
  assert.equal(batches.length, fixtures.seq_999_30.length);
  batches.forEach(([x, t], k) => {
    assert.deepEqual(x.shape, [30, 1]);
    assert.deepEqual(t.shape, [30, 1]);
    assert.deepEqual(
      Array.from(toFlat(x)),
      fixtures.seq_999_30[k].map((i) => data[i]),
    );
  });
  assert.equal([...loader].length, 34, "the next epoch starts over");
});

Deno.test("SeqDataLoader rejects a batch larger than the data", () => {
  const tiny = {
    length: 3,
    get: (i: number) => [array([i]), i] as const,
  };
  assert.throws(
    () => new SeqDataLoader(tiny, 4),
    /Cannot read 4 sequences from 3 examples in SeqDataLoader: expected a batch size of at most 3/,
  );
  assert.throws(() => new SeqDataLoader(tiny, 0), /in SeqDataLoader/);
});
