// Issue 10's "Bad input" list, end to end through the public modules: each
// case is an error that names the function, what it expected and what it
// got, and leaves what was already loaded untouched.

import assert from "node:assert/strict";
import { accuracy, array, softmaxCrossEntropy, toNested } from "../mod.ts";
import { Linear } from "../layers/mod.ts";
import { MLP, Model } from "../models/mod.ts";
import { Adam, SGD } from "../optimizers/mod.ts";
import { seed } from "../random/mod.ts";
import { testNeeding } from "../testing/_permissions.ts";

const scores = array([[1, 2, 3], [4, 5, 6]]);

Deno.test("Labels out of range are a RangeError naming the label, its index and the classes", () => {
  assert.throws(
    () => softmaxCrossEntropy(scores, [0, 3]),
    new RangeError(
      "Cannot use label 3 at index 1 with scores of shape [2,3] in SoftmaxCrossEntropy: expected a class in 0..2",
    ),
  );
  assert.throws(() => softmaxCrossEntropy(scores, [-1, 0]), RangeError);
  assert.throws(
    () => accuracy(scores, [0, 3]),
    /in accuracy: expected a class in 0\.\.2/,
  );
});

Deno.test("Labels of the wrong type or shape are a TypeError naming both shapes", () => {
  assert.throws(
    () => softmaxCrossEntropy(scores, [0, 1.5]),
    /^TypeError: Cannot use label 1\.5 at index 1 .*: expected integral class labels$/,
  );
  assert.throws(
    () => softmaxCrossEntropy(scores, array([[0], [1]])),
    new TypeError(
      "Cannot use labels of shape [2,1] with scores of shape [2,3] in SoftmaxCrossEntropy: expected labels of shape [2], one per row",
    ),
  );
  assert.throws(
    () => softmaxCrossEntropy(scores, [0, 1, 2]),
    /labels of shape \[3\] with scores of shape \[2,3\]/,
  );
  assert.throws(
    () => softmaxCrossEntropy(scores, ["a", "b"] as never),
    /^TypeError: Cannot use .* as labels in SoftmaxCrossEntropy: expected a Variable, a float64 ndarray or an array of numbers of shape \[2\]$/,
  );
});

Deno.test("A layer called with another input size after its first call says what it expects", () => {
  const layer = new Linear(4);
  layer.call(array([[1, 2, 3]]));
  assert.throws(
    () => layer.call(array([[1, 2]])),
    new TypeError(
      "Cannot apply Linear to an input of shape [1,2]: its weight W has shape [3,4], so it expects [N,3]",
    ),
  );
  const model = new MLP([4, 2]);
  model.call(array([[1, 2, 3]]));
  assert.throws(() => model.call(array([[1, 2, 3, 4]])), /expects \[N,3\]/);
});

Deno.test("An optimizer set up with no parameters is a TypeError naming the optimizer", () => {
  class Empty extends Model {
    forward(x: never): never {
      return x;
    }
  }
  assert.throws(
    () => new SGD().setup(new Empty()),
    new TypeError(
      "Cannot set up SGD: the target has no parameters to optimize",
    ),
  );
  assert.throws(() => new Adam().setup([]), /Cannot set up Adam/);
});

testNeeding(
  ["read", "write"],
  "Loading weights with other names or shapes names them and changes nothing",
  () => {
    const dir = Deno.makeTempDirSync({ prefix: "dezero_bad_weights_" });
    try {
      seed(0);
      const saved = new MLP([4, 2]);
      saved.call(array([[1, 2, 3]]));
      const path = `${dir}/w.npz`;
      saved.saveWeights(path);

      const wider = new MLP([5, 2]);
      wider.call(array([[1, 2, 3]]));
      const before = toNested(wider.l0.W.data!);
      assert.throws(
        () => wider.loadWeights(path),
        (error: Error) =>
          error instanceof TypeError &&
          error.message.includes(`Cannot load the weights of MLP from`) &&
          error.message.includes(
            '"l0/W" has shape [3,4], expected [3,5]; "l0/b" has shape [4], expected [5]',
          ),
      );
      assert.deepEqual(toNested(wider.l0.W.data!), before);

      const deeper = new MLP([4, 2, 2]);
      deeper.call(array([[1, 2, 3]]));
      const deeperBefore = toNested(deeper.l0.W.data!);
      assert.throws(
        () => deeper.loadWeights(path),
        /"l2\/W" is missing; "l2\/b" is missing/,
      );
      assert.deepEqual(toNested(deeper.l0.W.data!), deeperBefore);

      const smaller = new MLP([2]);
      smaller.call(array([[1, 2, 3]]));
      assert.throws(() => smaller.loadWeights(path), /l1\/W/);
    } finally {
      Deno.removeSync(dir, { recursive: true });
    }
  },
);

testNeeding(
  ["read", "write"],
  "A corrupt, truncated or foreign .npz is a TypeError naming the file",
  () => {
    const dir = Deno.makeTempDirSync({ prefix: "dezero_bad_npz_" });
    try {
      seed(0);
      const model = new MLP([4, 2]);
      model.call(array([[1, 2, 3]]));
      model.saveWeights(`${dir}/w.npz`);
      const bytes = Deno.readFileSync(`${dir}/w.npz`);
      const before = toNested(model.l1.W.data!);

      const flipped = bytes.slice();
      flipped[flipped.length >> 1] ^= 0xff;
      Deno.writeFileSync(`${dir}/flipped.npz`, flipped);
      Deno.writeFileSync(`${dir}/short.npz`, bytes.slice(0, 100));
      Deno.writeTextFileSync(`${dir}/text.npz`, "hello");
      for (const name of ["flipped", "short", "text"]) {
        assert.throws(
          () => model.loadWeights(`${dir}/${name}.npz`),
          (error: Error) =>
            error instanceof TypeError &&
            error.message.startsWith(`Cannot decode '${dir}/${name}.npz'`),
          name,
        );
      }
      assert.deepEqual(toNested(model.l1.W.data!), before);
    } finally {
      Deno.removeSync(dir, { recursive: true });
    }
  },
);
