import assert from "node:assert/strict";
import { array, batchNorm, config, type Variable } from "../mod.ts";
import { assertAllClose, gradientCheck } from "../testing/mod.ts";

const x2 = array([[0.3, -1.2, 2], [1.5, 0.4, -0.7], [-0.6, 0.9, 0.1], [
  2.2,
  -0.3,
  0.8,
]]);
const x4 = array([
  [[[0.3, -1.2], [2, 0.5]], [[1.5, 0.4], [-0.7, 0.2]]],
  [[[-0.6, 0.9], [0.1, -1.1]], [[2.2, -0.3], [0.8, 1.3]]],
]);
const gamma3 = array([1.2, 0.7, -0.5]);
const beta3 = array([0.1, -0.2, 0.3]);

function withTrain(flag: boolean, fn: () => void): void {
  const flags = config as { train?: boolean };
  const old = flags.train;
  flags.train = flag;
  try {
    fn();
  } finally {
    if (old === undefined) delete flags.train;
    else flags.train = old;
  }
}

/** A direct computation, in plain numbers, of training-mode batch norm. */
function reference2d(
  x: number[][],
  gamma: number[],
  beta: number[],
  eps: number,
): number[][] {
  const n = x.length;
  return x.map((row) =>
    row.map((v, c) => {
      const column = x.map((r) => r[c]);
      const mu = column.reduce((s, u) => s + u, 0) / n;
      const variance = column.reduce((s, u) => s + (u - mu) ** 2, 0) / n;
      return gamma[c] * (v - mu) / Math.sqrt(variance + eps) + beta[c];
    })
  );
}

Deno.test("batchNorm() normalises each column with the batch statistics", () => {
  const y = batchNorm(x2, gamma3, beta3, array([0, 0, 0]), array([1, 1, 1]));
  const expected = reference2d(
    [[0.3, -1.2, 2], [1.5, 0.4, -0.7], [-0.6, 0.9, 0.1], [2.2, -0.3, 0.8]],
    [1.2, 0.7, -0.5],
    [0.1, -0.2, 0.3],
    2e-5,
  );
  assertAllClose(y.data, array(expected), { rtol: 1e-12 });
});

Deno.test("batchNorm() passes gradientCheck in x, gamma and beta, first and second order", () => {
  const bn = (x: Variable, g: Variable, b: Variable) =>
    batchNorm(x, g, b, array([0, 0, 0]), array([1, 1, 1]));
  gradientCheck(bn, [x2, gamma3, beta3]);
  gradientCheck(bn, [x2, gamma3, beta3], { order: 2 });
  const bn4 = (x: Variable, g: Variable, b: Variable) =>
    batchNorm(x, g, b, array([0, 0]), array([1, 1]));
  gradientCheck(bn4, [x4, array([0.8, -1.1]), array([0.2, 0.4])]);
  gradientCheck(bn4, [x4, array([0.8, -1.1]), array([0.2, 0.4])], {
    order: 2,
    mode: "fast",
  });
});

Deno.test("batchNorm() in test mode uses the running statistics and passes gradientCheck", () => {
  withTrain(false, () => {
    const mean = array([0.5, -0.1, 0.2]);
    const variance = array([2, 0.5, 1.5]);
    const y = batchNorm(x2, gamma3, beta3, mean, variance, { eps: 1e-3 });
    const rows = [[0.3, -1.2, 2], [1.5, 0.4, -0.7], [-0.6, 0.9, 0.1], [
      2.2,
      -0.3,
      0.8,
    ]];
    const expected = rows.map((row) =>
      row.map((v, c) =>
        [1.2, 0.7, -0.5][c] * (v - [0.5, -0.1, 0.2][c]) /
          Math.sqrt([2, 0.5, 1.5][c] + 1e-3) + [0.1, -0.2, 0.3][c]
      )
    );
    assertAllClose(y.data, array(expected), { rtol: 1e-13 });
    assert.deepEqual([...mean.data], [0.5, -0.1, 0.2]);
    const bn = (x: Variable, g: Variable, b: Variable) =>
      batchNorm(x, g, b, mean, variance);
    gradientCheck(bn, [x2, gamma3, beta3]);
    gradientCheck(bn, [x2, gamma3, beta3], { order: 2 });
  });
});

Deno.test("batchNorm() updates the running statistics as DeZero, unbiased only past two values", () => {
  const mean = array([1, 2]);
  const variance = array([1, 1]);
  batchNorm(
    array([[1, 10], [3, 30], [2, 20]]),
    array([1, 1]),
    array([0, 0]),
    mean,
    variance,
    {
      decay: 0.5,
    },
  );
  // mean 2 and 20, biased variance 2/3 and 200/3, unbiased ×3/2.
  assertAllClose(mean, array([1.5, 11]), { rtol: 1e-15 });
  assertAllClose(variance, array([1, 50.5]), { rtol: 1e-15 });
  const m2 = array([0, 0]);
  const v2 = array([0, 0]);
  // m = 2: DeZero divides by max(m − 1, 1) only when m − 1 > 1, so by 1.
  batchNorm(array([[1, 10], [3, 30]]), array([1, 1]), array([0, 0]), m2, v2);
  assertAllClose(v2, array([0.1 * 2, 0.1 * 200]), { rtol: 1e-12 });
});

Deno.test("batchNorm() rejects shapes that do not fit and bad options, changing nothing", () => {
  const mean = array([0, 0, 0]);
  assert.throws(
    () => batchNorm(x2, array([1, 1]), beta3, mean, array([1, 1, 1])),
    new TypeError(
      "Cannot use gamma of shape [2] in batchNorm for an input of shape [4,3]: expected [3], one value per channel",
    ),
  );
  assert.throws(
    () => batchNorm(array([1, 2, 3]), gamma3, beta3, mean, array([1, 1, 1])),
    new TypeError(
      "Cannot apply batchNorm to an input of shape [3]: expected [N, C] or [N, C, H, W]",
    ),
  );
  assert.throws(
    () =>
      batchNorm(x2, gamma3, beta3, mean, [1, 1, 1] as unknown as typeof mean),
    TypeError,
  );
  assert.throws(
    () => batchNorm(x2, gamma3, beta3, mean, array([1, 1, 1]), { decay: 2 }),
    new RangeError(
      "Cannot use 2 as decay of batchNorm: expected a number from 0 to 1",
    ),
  );
  assert.throws(
    () => batchNorm(x2, gamma3, beta3, mean, array([1, 1, 1]), { eps: -1 }),
    RangeError,
  );
  assert.deepEqual([...mean.data], [0, 0, 0]);
});
