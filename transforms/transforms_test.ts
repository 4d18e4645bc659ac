import assert from "node:assert/strict";
import { array, toNested } from "../mod.ts";
import { AsType, Compose, Flatten, Normalize, ToFloat } from "./mod.ts";

Deno.test("Compose applies transforms first to last and accepts plain functions", () => {
  const transform = new Compose([
    new Flatten(),
    (x) => array(Array.from({ length: x.shape[0] }, (_, i) => x.get(i) + 1)),
    new Normalize(0, 2),
  ]);
  assert.deepEqual(toNested(transform.call(array([[1, 3], [5, 7]]))), [
    1,
    2,
    3,
    4,
  ]);
  const identity = new Compose();
  const x = array([1]);
  assert.equal(identity.call(x), x);
});

Deno.test("Normalize broadcasts per-channel statistics along the first axis as DeZero", () => {
  const x = array([[[2, 4]], [[30, 50]], [[0, 1]]]);
  const y = new Normalize([2, 10, 0], [2, 10, 1]).call(x);
  assert.deepEqual(toNested(y), [[[0, 1]], [[2, 4]], [[0, 1]]]);
  assert.deepEqual(toNested(new Normalize([1], [0.5]).call(array([1, 2]))), [
    0,
    2,
  ]);
  assert.deepEqual(toNested(new Normalize(1, 4).call(array(9))), 2);
  assert.deepEqual(
    toNested(x),
    [[[2, 4]], [[30, 50]], [[0, 1]]],
    "input untouched",
  );
});

Deno.test("Flatten copies a strided view in row-major order", () => {
  const view = array([[1, 2, 3], [4, 5, 6]]).transpose(1, 0);
  assert.deepEqual(toNested(new Flatten().call(view)), [1, 4, 2, 5, 3, 6]);
});

Deno.test("AsType and ToFloat round to float32 by default as DeZero and copy for float64", () => {
  const x = array([0.1, 1 / 3, 255, 1e40]);
  const rounded = new AsType().call(x);
  assert.deepEqual(toNested(rounded), [
    Math.fround(0.1),
    Math.fround(1 / 3),
    255,
    Infinity,
  ]);
  assert.deepEqual(toNested(new ToFloat().call(x)), toNested(rounded));
  const copy = new ToFloat("float64").call(x);
  assert.deepEqual(toNested(copy), toNested(x));
  assert.notEqual(copy, x);
  assert.equal(new ToFloat().dtype, "float32");
});

Deno.test("transforms reject bad arguments with errors naming the transform", () => {
  assert.throws(
    () => new AsType("int8" as never),
    /Cannot convert to string "int8" in AsType: expected "float32" or "float64"/,
  );
  assert.throws(() => new ToFloat("x" as never), /in ToFloat/);
  assert.throws(() => new Normalize("a" as never), /as mean in Normalize/);
  assert.throws(
    () => new Normalize([1, 2]).call(array([1, 2, 3])),
    /expected 1 or 3, one per entry of the first axis/,
  );
  assert.throws(() => new Normalize(0, [1, 2]).call(array(3)), /0-d array/);
  assert.throws(
    () => new Flatten().call([1, 2] as never),
    /Cannot transform array of length 2 in Flatten/,
  );
  assert.throws(() => new Compose([1 as never]), /at index 0 in Compose/);
  assert.throws(
    () => new Compose([() => 1 as never]).call(array(1)),
    /returned by a transform in Compose/,
  );
});
