import assert from "node:assert/strict";
import {
  array,
  config,
  dropout,
  full,
  grad,
  mul,
  testMode,
  Variable,
} from "../mod.ts";
import { gradientCheck } from "../testing/mod.ts";
import { getState, rand, seed, setState } from "../random/mod.ts";

Deno.test("dropout() keeps about 1 - ratio of the elements, scaled by 1 / (1 - ratio)", () => {
  const x = new Variable(full([100, 100], 3));
  for (const ratio of [0.5, 0.2, 0.9]) {
    const y = dropout(x, ratio);
    let kept = 0;
    for (const v of y.data.data) {
      if (v !== 0) {
        assert.ok(Math.abs(v - 3 / (1 - ratio)) < 1e-12, `${v}`);
        kept++;
      }
    }
    // 10,000 Bernoulli draws: 5 standard deviations is at most 250.
    assert.ok(Math.abs(kept - 10000 * (1 - ratio)) < 250, `${ratio}: ${kept}`);
  }
  assert.deepEqual(
    Array.from(dropout(x, 0).data.data),
    Array.from(x.data.data),
  );
});

Deno.test("dropout() sends the gradient through the kept elements only, with the same scale", () => {
  const x = new Variable(full([50], 1));
  const y = dropout(x, 0.3);
  const [gx] = grad(y, [x]);
  assert.deepEqual(Array.from(gx!.data.data), Array.from(y.data.data));
});

// The same draws on every call, so gradientCheck sees one fixed mask; the
// global generator's state is put back afterwards.
function withFixedDraws<T>(fn: () => T): T {
  const saved = getState();
  seed(12345);
  try {
    return fn();
  } finally {
    setState(saved);
  }
}

Deno.test("dropout() draws DeZero's mask from the global generator: rand(*shape) > ratio", () => {
  const saved = getState();
  try {
    seed(0);
    const draws = rand(3, 4);
    seed(0);
    const y = dropout(new Variable(full([3, 4], 1)), 0.5);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 4; j++) {
        assert.equal(y.data.get(i, j), draws.get(i, j) > 0.5 ? 2 : 0);
      }
    }
  } finally {
    setState(saved);
  }
});

Deno.test("dropout() passes first- and second-order gradient checks with its mask fixed", () => {
  const f = (x: Variable) => withFixedDraws(() => dropout(x, 0.4));
  const x = array([[0.5, -1, 2, 0.25], [1.5, -0.75, 3, -2]]);
  gradientCheck(f, [x]);
  gradientCheck((x: Variable) => mul(f(x), f(x)), [x], { order: 2 });
  // Some elements are dropped and some kept, so the check saw both.
  const y = f(new Variable(x));
  assert.ok(y.data.data.some((v) => v === 0));
  assert.ok(y.data.data.some((v) => v !== 0));
});

Deno.test("dropout() is the identity in test mode, and test mode ends with its callback", () => {
  const x = new Variable(array([1, 2, 3]));
  assert.equal(config.train, true);
  const y = testMode(() => {
    assert.equal(config.train, false);
    return dropout(x, 0.9);
  });
  assert.equal(y, x);
  assert.equal(config.train, true);
  assert.throws(() =>
    testMode(() => {
      throw new Error("boom");
    }), /boom/);
  assert.equal(config.train, true);
});

Deno.test("dropout() rejects a ratio outside [0, 1)", () => {
  const x = array([1, 2]);
  assert.throws(() => dropout(x, 1), {
    name: "RangeError",
    message: "Cannot drop out with ratio 1: dropout expects a ratio in [0, 1)",
  });
  assert.throws(() => dropout(x, -0.1), RangeError);
  assert.throws(() => dropout(x, NaN), RangeError);
  assert.throws(() => dropout(x, "0.5" as never), {
    name: "TypeError",
    message: 'Cannot use string "0.5" as the ratio: dropout expects a number',
  });
});
