import assert from "node:assert/strict";
import { array, toNested } from "../mod.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import { Normalize } from "../transforms/mod.ts";
import { Dataset } from "./mod.ts";

class Points extends Dataset {
  protected override prepare(): void {
    this.data = array([[1, 2], [3, 4], [5, 6]]);
    this.label = array([0, 1, 2]);
  }
}

Deno.test("Dataset.get() returns copies of data[i] and label[i] with the transforms applied", () => {
  const points = new Points({
    transform: new Normalize(1, 2),
    targetTransform: (t: Float64NdArray) => array(t.get() * 10),
  });
  assert.equal(points.train, true);
  assert.equal(points.length, 3);
  const [x, t] = points.get(1);
  assert.deepEqual(toNested(x), [1, 1.5]);
  assert.equal(t?.get(), 10);
  x.set(0, 99);
  assert.equal(points.data!.get(1, 0), 3, "get() copies");
  const [last] = points.get(-1);
  assert.deepEqual(toNested(last), [2, 2.5]);
});

Deno.test("Dataset reads strided views and iterates over its examples in order", () => {
  const points = new Points({ train: false });
  points.data = array([[1, 2, 3], [4, 5, 6]]).transpose(1, 0);
  assert.equal(points.train, false);
  assert.deepEqual([...points].map(([x, t]) => [toNested(x), t?.get()]), [
    [[1, 4], 0],
    [[2, 5], 1],
    [[3, 6], 2],
  ]);
});

Deno.test("Dataset without labels gives null as t, and an empty base dataset has length 0", () => {
  const unlabeled = new Points();
  unlabeled.label = null;
  assert.equal(unlabeled.get(0)[1], null);
  assert.equal(new Dataset().length, 0);
});

Deno.test("Dataset errors name the dataset, the index and what was expected", () => {
  const points = new Points();
  assert.throws(
    () => points.get(3),
    /Cannot read example 3 of Points: expected an index in \[-3, 3\)/,
  );
  assert.throws(() => points.get(-4), RangeError);
  assert.throws(
    () => points.get(1.5),
    /Cannot use number 1\.5 as an index of Points/,
  );
  assert.throws(
    () => new Dataset().get(0),
    /Cannot read an example of Dataset: data is null/,
  );
  assert.throws(
    () => new Points({ transform: 3 as never }),
    /Cannot use number 3 as transform in Points/,
  );
  assert.throws(() => new Points({ train: 1 as never }), TypeError);
  const bad = new Points({ transform: () => 5 as never });
  assert.throws(() => bad.get(0), /returned by a transform in Points/);
  const short = new Points();
  short.label = array([1]);
  assert.throws(() => short.get(0), /expected 3 labels/);
});
