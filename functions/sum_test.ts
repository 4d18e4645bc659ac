// sum(): the call styles of NumPy and the book, and clear errors for others.

import assert from "node:assert/strict";
import { array, Sum, sum, toNested, Variable } from "../mod.ts";
import { gradientCheck } from "../testing/mod.ts";

// Sums by hand of [[1, 2, 3], [4, 5, 6]]: columns 5 7 9, rows 6 15, all 21.
const x = new Variable(array([[1, 2, 3], [4, 5, 6]]));

Deno.test("sum(x, axis) sums over that axis, as NumPy's sum(x, 0)", () => {
  assert.deepEqual(toNested(sum(x, 0).data), [5, 7, 9]);
  assert.deepEqual(toNested(sum(x, 1).data), [6, 15]);
  assert.deepEqual(toNested(sum(x, -1).data), [6, 15]);
  assert.deepEqual(toNested(sum(x, -2).data), [5, 7, 9]);
});

Deno.test("sum(x, axes) sums over several axes, given as an array", () => {
  assert.equal(sum(x, [0, 1]).data.get(), 21);
  assert.equal(sum(x, [-1, 0]).data.get(), 21);
  assert.deepEqual(toNested(sum(x, [1]).data), [6, 15]);
  assert.deepEqual(toNested(sum(x, []).data), [[1, 2, 3], [4, 5, 6]]);
});

Deno.test("sum(x, axis, keepdims) keeps the summed axes with size 1", () => {
  assert.deepEqual(toNested(sum(x, 0, true).data), [[5, 7, 9]]);
  assert.deepEqual(toNested(sum(x, -1, true).data), [[6], [15]]);
  assert.deepEqual(sum(x, null, true).shape, [1, 1]);
  assert.deepEqual(sum(x, [0, 1], false).shape, []);
});

Deno.test("sum(x, { axis, keepdims }) still works, null meaning all axes", () => {
  assert.deepEqual(toNested(sum(x, { axis: 1 }).data), [6, 15]);
  assert.deepEqual(toNested(sum(x, { axis: 0, keepdims: true }).data), [[
    5,
    7,
    9,
  ]]);
  assert.equal(sum(x, { axis: null }).data.get(), 21);
  assert.equal(sum(x, {}).data.get(), 21);
  assert.deepEqual(sum(x, { keepdims: null }).shape, []);
});

Deno.test("sum(x, null) and sum(x, undefined) sum every element, as NumPy's None", () => {
  assert.equal(sum(x, null).data.get(), 21);
  assert.equal(sum(x, undefined).data.get(), 21);
  assert.equal(sum(x, null, null).data.get(), 21);
  assert.equal(new Sum(null).call(x).data.get(), 21);
});

Deno.test("Variable.sum() takes the same call styles", () => {
  assert.deepEqual(toNested(x.sum(0).data), [5, 7, 9]);
  assert.deepEqual(toNested(x.sum(-1, true).data), [[6], [15]]);
  assert.deepEqual(toNested(x.sum({ axis: 1 }).data), [6, 15]);
  assert.equal(x.sum(null).data.get(), 21);
  assert.equal(x.sum([0, 1]).data.get(), 21);
});

Deno.test("sum() over an axis passes first and second order gradient checks", () => {
  const a = array([[0.5, -1, 2], [1.5, 0.25, -3]]);
  gradientCheck((v) => sum(v, 0).mul(sum(v, 0)), a, { order: 2 });
  gradientCheck((v) => sum(v, -1, true).mul(v), a, { order: 2 });
  gradientCheck((v: Variable) => sum(v.mul(v), [0, 1]), a, { order: 2 });
  // By hand: d/dv sum(v, 0) with upstream [1, 2, 3] puts column j's weight
  // on both rows.
  const v = new Variable(a);
  sum(v, 0).mul(new Variable(array([1, 2, 3]))).backward();
  assert.deepEqual(toNested(v.grad!.data), [[1, 2, 3], [1, 2, 3]]);
});

function throwsTypeError(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (e: Error) => {
    assert.ok(e instanceof TypeError, `expected a TypeError, got ${e}`);
    assert.match(e.message, pattern);
    return true;
  });
}

Deno.test("sum() and Variable.sum() reject a wrong axis with a TypeError naming the call", () => {
  throwsTypeError(
    () => x.sum("0" as never),
    /^Cannot sum over string "0": Variable\.sum\(\) expects an axis \(a number\), an array of axes, null/,
  );
  throwsTypeError(
    () => sum(x, "0" as never),
    /^Cannot sum over string "0": sum\(\)/,
  );
  throwsTypeError(() => sum(x, true as never), /boolean true: sum\(\)/);
  throwsTypeError(() => sum(x, ["0"] as never), /array of length 1: sum\(\)/);
  throwsTypeError(
    () => sum(x, 0, "yes" as never),
    /string "yes" as keepdims: sum\(\) expects true or false/,
  );
  throwsTypeError(() => sum(x, 0.5), /integer axes, got 0\.5/);
});

Deno.test("sum() rejects unknown options and keepdims given twice", () => {
  throwsTypeError(
    () => sum(x, { axes: 0 } as never),
    /^Cannot use the option "axes": sum\(\) knows only axis and keepdims$/,
  );
  throwsTypeError(
    () => x.sum({ keepDims: true } as never),
    /"keepDims": Variable\.sum\(\) knows only axis and keepdims/,
  );
  throwsTypeError(
    () => sum(x, { axis: 0 }, true),
    /^Cannot take keepdims twice: sum\(\)/,
  );
  throwsTypeError(() => new Sum({ axis: "0" } as never), /Sum expects an axis/);
});

Deno.test("sum() rejects an axis out of range with a RangeError", () => {
  assert.throws(() => sum(x, 2), RangeError);
  assert.throws(() => sum(x, -3), RangeError);
  assert.throws(() => x.sum([0, 5]), RangeError);
});
