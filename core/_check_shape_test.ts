// Shape arguments everywhere (zeros, full, array's shape option, reshape,
// broadcastTo, sumTo) fail at the call with a message naming the function.

import assert from "node:assert/strict";
import {
  array,
  broadcastTo,
  full,
  reshape,
  sumTo,
  toNested,
  transpose,
  Variable,
  zeros,
} from "../mod.ts";

function throwsNamed(
  fn: () => unknown,
  kind: typeof TypeError | typeof RangeError,
  pattern: RegExp,
): void {
  assert.throws(fn, (e: Error) => {
    assert.equal(e.constructor, kind, `expected a ${kind.name}, got ${e}`);
    assert.match(e.message, pattern);
    return true;
  });
}

const makers: [string, (shape: never) => unknown][] = [
  ["zeros()", (shape) => zeros(shape)],
  ["full()", (shape) => full(shape, 1)],
  ["broadcastTo()", (shape) => broadcastTo(new Variable(array(1)), shape)],
  ["reshape()", (shape) => reshape(new Variable(array([1, 2])), shape)],
  ["sumTo()", (shape) => sumTo(new Variable(array([1, 2])), shape)],
];

Deno.test("shape arguments that are not arrays are a TypeError naming the function", () => {
  for (const [name, make] of makers) {
    const escaped = name.replace(/[()]/g, "\\$&");
    for (
      const [bad, described] of [
        [null, "null"],
        [undefined, "undefined"],
        ["2", 'string "2"'],
        [2, "number 2"],
        [{ length: 1 }, "object"],
      ] as const
    ) {
      throwsNamed(
        () => make(bad as never),
        TypeError,
        new RegExp(`^Cannot use ${described} as a shape: ${escaped} expects`),
      );
    }
  }
});

Deno.test("shape lengths that are not non-negative integers are a TypeError with the axis", () => {
  for (const [name, make] of makers) {
    const escaped = name.replace(/[()]/g, "\\$&");
    for (
      const [bad, given] of [
        [[2, 1.5], "1.5 at axis 1"],
        [[NaN], "NaN at axis 0"],
        [[Infinity], "Infinity at axis 0"],
        [[-2], "-2 at axis 0"],
        [[1, "2"], 'string "2" at axis 1'],
      ] as const
    ) {
      throwsNamed(
        () => make(bad as never),
        TypeError,
        new RegExp(`${escaped} expects non-negative integers.*got ${given}$`),
      );
    }
  }
  // Only reshape may infer one length from -1.
  assert.deepEqual(reshape(new Variable(array([1, 2])), [-1, 1]).shape, [2, 1]);
  throwsNamed(() => zeros([-1, 2]), TypeError, /got -1 at axis 0/);
  throwsNamed(
    () => reshape(new Variable(array([1, 2])), [-1, -1]),
    TypeError,
    /reshape\(\) expects at most one -1, got -1 at axis 1/,
  );
});

Deno.test("absurdly large new arrays are a RangeError before any memory is asked for", () => {
  throwsNamed(
    () => zeros([1e5, 1e5]),
    RangeError,
    /^Cannot use shape \[100000,100000\] of 10000000000 elements: zeros\(\) allows at most 2147483647 elements/,
  );
  throwsNamed(() => full([2 ** 31], 0), RangeError, /full\(\) allows at most/);
  throwsNamed(() => zeros([1e300, 1e300]), RangeError, /zeros\(\)/);
});

Deno.test("broadcastTo() may make large views, up to 2^53 - 1 elements", () => {
  const y = broadcastTo(new Variable(array(2)), [1e5, 1e5]);
  assert.deepEqual(y.shape, [1e5, 1e5]);
  assert.equal(y.data.get(99_999, 99_999), 2);
  throwsNamed(
    () => broadcastTo(new Variable(array(2)), [2 ** 30, 2 ** 30]),
    RangeError,
    /broadcastTo\(\) allows at most 9007199254740991 elements/,
  );
});

Deno.test("array() takes null options as the defaults and checks its shape option", () => {
  const data = new Float64Array([1, 2, 3, 4]);
  assert.deepEqual(array(data, null).shape, [4]);
  assert.deepEqual(array(data, { shape: null }).shape, [4]);
  assert.deepEqual(toNested(array(data, { shape: [2, 2] })), [[1, 2], [3, 4]]);
  throwsNamed(
    () => array(data, { shape: "4" } as never),
    TypeError,
    /^Cannot use string "4" as a shape: array\(\) expects/,
  );
  throwsNamed(
    () => array(data, { shape: [2.5, 2] }),
    TypeError,
    /array\(\) expects non-negative integers, got 2\.5 at axis 0/,
  );
  throwsNamed(
    () => array(data, "shape" as never),
    TypeError,
    /^Cannot use string "shape" as options: array\(\) expects an object/,
  );
  throwsNamed(
    () => array(data, { shap: [4] } as never),
    TypeError,
    /^Cannot use the option "shap": array\(\) knows only shape$/,
  );
});

Deno.test("transpose() takes null axes as NumPy's None: the axes reversed", () => {
  const x = new Variable(array([[1, 2, 3], [4, 5, 6]]));
  assert.deepEqual(toNested(transpose(x, null).data), [[1, 4], [2, 5], [3, 6]]);
  throwsNamed(
    () => transpose(x, "10" as never),
    TypeError,
    /^Cannot use string "10" as axes: transpose\(\) expects an array of axes/,
  );
});
