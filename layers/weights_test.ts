// saveWeights / loadWeights: a round trip, DeZero's own file format, and
// files that do not fit leave the model untouched.

import assert from "node:assert/strict";
import { array, matmul, sigmoid, toFloat64Array } from "../mod.ts";
import { decodeNpz } from "../io/mod.ts";
import { MLP } from "../models/mod.ts";
import { testNeeding } from "../testing/_permissions.ts";

const canWrite =
  Deno.permissions.querySync({ name: "write", path: "/tmp" }).state ===
    "granted";

Deno.test({
  name:
    "saveWeights() then loadWeights() gives a second model the same outputs",
  ignore: !canWrite,
  fn() {
    const path = Deno.makeTempFileSync({ suffix: ".npz" });
    const x = array([[0.5, -1, 2]]);
    const a = new MLP([4, 2]);
    const ya = a.call(x);
    a.saveWeights(path);
    const saved = decodeNpz(Deno.readFileSync(path));
    assert.deepEqual(Object.keys(saved).sort(), [
      "l0/W",
      "l0/b",
      "l1/W",
      "l1/b",
    ]);
    const b = new MLP([4, 2]);
    b.loadWeights(path);
    assert.deepEqual(toFloat64Array(b.call(x)), toFloat64Array(ya));
    Deno.removeSync(path);
  },
});

testNeeding(
  ["read"],
  "loadWeights() reads a file written by DeZero's save_weights (float32)",
  () => {
    const path = new URL(
      "../io/testdata/numpy/dezero_weights.npz",
      import.meta.url,
    );
    const model = new MLP([4, 2]);
    model.loadWeights(path);
    const file = decodeNpz(Deno.readFileSync(path));
    const x = array([[1, 2, 3]]);
    const h = sigmoid(matmul(x, file["l0/W"]).add(file["l0/b"]));
    const expected = matmul(h, file["l1/W"]).add(file["l1/b"]);
    assert.deepEqual(toFloat64Array(model.call(x)), toFloat64Array(expected));
  },
);

testNeeding(
  ["read"],
  "loadWeights() checks every name and shape before changing anything",
  () => {
    const path = new URL(
      "../io/testdata/numpy/dezero_weights.npz",
      import.meta.url,
    );
    const model = new MLP([5, 2]); // l0/W would be [3,5], the file has [3,4]
    const x = array([[1, 2, 3]]);
    const before = toFloat64Array(model.call(x));
    assert.throws(
      () => model.loadWeights(path),
      (e: Error) =>
        e instanceof TypeError &&
        /"l0\/W" has shape \[3,4\], expected \[3,5\]/.test(e.message),
    );
    assert.deepEqual(toFloat64Array(model.call(x)), before);
    const deeper = new MLP([4, 4, 2]);
    assert.throws(() => deeper.loadWeights(path), /"l2\/W" is missing/);
    const shallow = new MLP([4]);
    assert.throws(
      () => shallow.loadWeights(path),
      /"l1\/W" is not a parameter/,
    );
  },
);
