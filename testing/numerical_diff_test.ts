import assert from "node:assert/strict";
import { array, exp, Square, square, toNested, Variable } from "../mod.ts";
import { numericalDiff } from "./numerical_diff.ts";

Deno.test("numericalDiff() of x² at 2 is close to 4 (the book's step 4)", () => {
  const dy = numericalDiff(square, new Variable(array(2)));
  assert.ok(Math.abs(dy.get() - 4) < 1e-10);
});

Deno.test("numericalDiff() differentiates every element of an n-d input", () => {
  const x = new Variable(array([[0.1, 0.2], [-0.3, 1]]));
  const dy = numericalDiff(exp, x, { eps: 1e-6 });
  assert.deepEqual(dy.shape, [2, 2]);
  const expected = [[0.1, 0.2], [-0.3, 1]].map((row) => row.map(Math.exp));
  const got = toNested(dy) as number[][];
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++) {
      assert.ok(Math.abs(got[i][j] - expected[i][j]) < 1e-8);
    }
  }
});

Deno.test("numericalDiff() weights the output's elements by gy", () => {
  const x = new Variable(array([1, 2]));
  const dy = numericalDiff(square, x, { gy: array([10, -1]) });
  const [a, b] = toNested(dy) as number[];
  assert.ok(Math.abs(a - 20) < 1e-6);
  assert.ok(Math.abs(b + 4) < 1e-6);
});

Deno.test("numericalDiff() leaves x and its data untouched", () => {
  const data = array([1, 2, 3]);
  const x = new Variable(data);
  numericalDiff(square, x);
  assert.equal(x.data, data);
  assert.deepEqual(toNested(data), [1, 2, 3]);
  assert.equal(x.grad, null);
});

Deno.test("numericalDiff() rejects a non-function, a Function object and a non-Variable", () => {
  const x = new Variable(array(1));
  assert.throws(
    () => numericalDiff("square" as never, x),
    (e: Error) => e instanceof TypeError && /string "square"/.test(e.message),
  );
  assert.throws(
    () => numericalDiff(new Square() as never, x),
    (e: Error) =>
      e instanceof TypeError && /Square object/.test(e.message) &&
      /called only once/.test(e.message),
  );
  assert.throws(
    () => numericalDiff(square, 1 as never),
    (e: Error) => e instanceof TypeError && /number 1/.test(e.message),
  );
  assert.throws(
    () => numericalDiff(square, x, { eps: 0 }),
    (e: Error) => e instanceof RangeError && /eps 0/.test(e.message),
  );
  assert.throws(
    () => numericalDiff(() => 3 as never, x),
    (e: Error) =>
      e instanceof TypeError &&
      /return a Variable, got number 3/.test(e.message),
  );
});
