import assert from "node:assert/strict";
import {
  array,
  GetItem,
  getItem,
  GetItemGrad,
  logSoftmax,
  slice,
  softmaxCrossEntropy,
  sum,
  toNested,
  Variable,
} from "../mod.ts";
import { assertAllClose, gradientCheck } from "../testing/mod.ts";
import { checkFixture, fixtureCases, indexFrom } from "./testdata/_fixtures.ts";

Deno.test("getItem() matches NumPy's indexing and np.add.at's scatter for every fixture index", () => {
  for (const c of fixtureCases("getItem")) {
    const index = indexFrom(c.params.index as unknown[]);
    checkFixture(c, (x) => getItem(x, index));
  }
});

Deno.test("getItem() reads integers, negative integers and slices as Python does", () => {
  const x = new Variable(array([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]));
  assert.equal(getItem(x, [-1, -1]).data.get(), 11);
  assert.deepEqual(toNested(getItem(x, -2).data), [4, 5, 6, 7]);
  assert.deepEqual(toNested(getItem(x, [slice(), 1]).data), [1, 5, 9]);
  assert.deepEqual(
    toNested(getItem(x, [slice(null, null, -2), slice(1, 3)]).data),
    [[9, 10], [1, 2]],
  );
  assert.deepEqual(getItem(x, slice(5, 10)).shape, [0, 4]);
  assert.deepEqual(getItem(x, slice(2, 0)).shape, [0, 4]);
});

Deno.test("getItem() pairs index arrays as logP[arange(N), t] and gives the one-hot gradient", () => {
  const scores = new Variable(array([[0.2, 1.5, -0.3], [0.9, 0.1, 0.4]]));
  const t = [2, 0];
  const picked = getItem(logSoftmax(scores), [[0, 1], t]);
  const loss = sum(picked).neg().div(2);
  assertAllClose(loss, softmaxCrossEntropy(scores, t), { rtol: 1e-14 });
});

Deno.test("getItem() accumulates the gradient of repeated indices", () => {
  const x = new Variable(array([10, 20, 30]));
  const y = getItem(x, [[2, 0, 2, 2]]);
  y.grad = array([1, 2, 3, 4]);
  y.backward();
  assert.deepEqual(toNested(y.data), [30, 10, 30, 30]);
  assert.deepEqual(toNested(x.grad!.data), [2, 0, 8]);
});

Deno.test("getItem() passes first- and second-order gradient checks", () => {
  const x = array([[0.3, -0.2, 1.1], [1, 0.5, -2], [0.7, 0.9, -0.4]]);
  const indices = [
    [slice(null, null, -1), [0, 2, 2]],
    [[1, 1, 0], [2, 0, 0]],
    [-1],
  ];
  for (const index of indices) {
    gradientCheck((v) => getItem(v, index), x);
    gradientCheck((v: Variable) => getItem(v.square(), index), x, {
      order: 2,
    });
  }
});

Deno.test("GetItemGrad scatter-adds, and its own gradient indexes again", () => {
  const gy = new Variable(array([1, 10, 100]));
  const gx = new GetItemGrad([[0, 2, 2]], [4]).call(gy);
  assert.deepEqual(toNested(gx.data), [1, 0, 110, 0]);
  gx.grad = array([5, 6, 7, 8]);
  gx.backward();
  assert.deepEqual(toNested(gy.grad!.data), [5, 7, 7]);
  gradientCheck(
    (v) => new GetItemGrad([slice(), [1, 1]], [2, 3]).call(v),
    array([[1, 2], [3, 4]]),
  );
  assert.throws(() => new GetItemGrad([[0, 2]], [4]).call(array([1, 2, 3])), {
    name: "TypeError",
    message:
      "Cannot scatter a gradient of shape [3] in GetItemGrad: the index gives shape [2] from shape [4]",
  });
});

Deno.test("getItem() keeps its own copy of the index and reads strided views", () => {
  const positions = [0, 1];
  const f = new GetItem([positions]);
  positions[0] = 2;
  const x = array([[1, 2], [3, 4], [5, 6]]).transpose(1, 0);
  assert.deepEqual(toNested(f.call(x).data), [[1, 3, 5], [2, 4, 6]]);
  assert.deepEqual(toNested(getItem(x, [slice(), [2, 0]]).data), [[5, 1], [
    6,
    2,
  ]]);
});

Deno.test("getItem() errors name GetItem, the shape and the offending entry", () => {
  const x = array([[1, 2, 3], [4, 5, 6]]);
  assert.throws(() => getItem(x, [0, 3]), {
    name: "RangeError",
    message:
      "Cannot index axis 1 of shape [2,3] with 3 in GetItem: expected an index in -3..2",
  });
  assert.throws(() => getItem(x, [[0, -3]]), {
    name: "RangeError",
    message: /axis 0 of shape \[2,3\] with -3 in GetItem/,
  });
  assert.throws(() => getItem(x, [0, 0, 0]), {
    name: "TypeError",
    message:
      "Cannot index shape [2,3] with 3 entries in GetItem: expected at most 2, one per axis",
  });
  assert.throws(() => getItem(x, 0.5), {
    name: "TypeError",
    message:
      "Cannot index with 0.5 at position 0 in GetItem: expected an integer, a slice or an array of integers",
  });
  assert.throws(() => getItem(x, [[0.5]]), {
    name: "TypeError",
    message: /axis 0 of shape \[2,3\] with 0\.5 in GetItem: expected integers/,
  });
  assert.throws(() => getItem(x, [[0, 1], [0, 1, 2]]), {
    name: "TypeError",
    message: /Cannot broadcast shapes \[2\] and \[3\] in GetItem/,
  });
  assert.throws(() => getItem(x, "a" as never), {
    name: "TypeError",
    message: /Cannot index with string "a" at position 0 in GetItem/,
  });
  assert.throws(() => slice(0, 2, 0), {
    name: "RangeError",
    message: "Cannot make a slice with step 0: slice expects a nonzero step",
  });
  assert.throws(() => slice(0.5), { name: "TypeError" });
});

Deno.test("getItem() takes index arrays as float64 arrays and Variables too", () => {
  const x = array([[1, 2, 3], [4, 5, 6]]);
  const expected = toNested(getItem(x, [[1, 0, 1]]).data);
  assert.deepEqual(toNested(getItem(x, array([1, 0, 1])).data), expected);
  assert.deepEqual(
    toNested(getItem(x, [new Variable(array([1, 0, 1]))]).data),
    expected,
  );
  const labels = new Variable(array([2, 0]));
  assert.deepEqual(toNested(getItem(x, [[0, 1], labels]).data), [3, 4]);
});
