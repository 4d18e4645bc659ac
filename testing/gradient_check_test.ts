import assert from "node:assert/strict";
import { AssertionError } from "node:assert";
import { array, type Float64NdArray, toNested } from "../core/array.ts";
import { Function } from "../core/function.ts";
import { Variable } from "../core/variable.ts";
import { exp } from "../mod.ts";
import { Square, square } from "../mod.ts";
import { gradientCheck } from "./gradient_check.ts";

/** A square whose backward is broken in a chosen way. */
function brokenSquare(
  gradient: (x: number, gy: number) => number,
): (x: Variable) => Variable {
  class BrokenSquare extends Function {
    forward(x: Float64NdArray): Float64NdArray {
      return array((toNested(x) as number[]).map((v) => v * v));
    }
    backward(gy: Variable): Float64NdArray {
      const x = toNested(this.inputs[0].data) as number[];
      const g = toNested(gy.data) as number[];
      return array(x.map((v, i) => gradient(v, g[i])));
    }
  }
  return function brokenSquare(x: Variable): Variable {
    return new BrokenSquare().call(x);
  };
}

const point = array([0.5, -1.5, 2]);

Deno.test("gradientCheck() passes correct functions and reports the errors", () => {
  const result = gradientCheck((x) => square(exp(square(x))), point);
  assert.equal(result.checked, 3);
  assert.ok(result.maxAbsoluteError < 1e-4);
  assert.ok(result.worst !== null);
  assert.equal(result.seed, 0);
  assert.equal(result.eps, 1e-6);
  assert.equal(result.rtol, 1e-3);
  assert.equal(result.atol, 1e-5);
});

Deno.test("gradientCheck() rejects a backward with the wrong derivative", () => {
  const wrong = brokenSquare((x, gy) => 3 * x * gy);
  assert.throws(
    () => gradientCheck(wrong, point),
    (e: Error) => {
      assert.ok(e instanceof AssertionError);
      assert.match(e.message, /Gradient check of brokenSquare failed/);
      assert.match(
        e.message,
        /index +backprop +numerical +abs error +rel error/,
      );
      assert.match(e.message, /seed 0, eps 0.000001, rtol 0.001, atol 0.00001/);
      assert.match(e.message, /3 elements checked/);
      // The worst element comes first: x = 2 has the largest error.
      const firstRow = e.message.split("\n")[2];
      assert.match(firstRow, /^\s+\[2\]/);
      return true;
    },
  );
});

Deno.test("gradientCheck() rejects a backward that ignores its gy", () => {
  const ignoresGy = brokenSquare((x) => 2 * x);
  assert.throws(() => gradientCheck(ignoresGy, point), AssertionError);
  // Any seed catches it, because gy is never near 1 everywhere.
  for (const seed of [1, 2, 3, 42]) {
    assert.throws(() => gradientCheck(ignoresGy, point, { seed }), /seed/);
  }
});

Deno.test("gradientCheck() reports a NaN gradient as NaN", () => {
  const nan = brokenSquare(() => NaN);
  assert.throws(
    () => gradientCheck(nan, point),
    (e: Error) =>
      e instanceof AssertionError &&
      /the backprop gradient is NaN at index \[0\]/.test(e.message),
  );
});

Deno.test("gradientCheck() honours tolerances given by the caller", () => {
  const slightlyOff = brokenSquare((x, gy) => 2 * x * gy * (1 + 1e-4));
  gradientCheck(slightlyOff, point); // within the default rtol 1e-3
  assert.throws(
    () => gradientCheck(slightlyOff, point, { rtol: 1e-6, atol: 0 }),
    /rtol 0.000001, atol 0/,
  );
});

Deno.test("gradientCheck() leaves the caller's variable untouched", () => {
  const x = new Variable(array([1, 2]));
  gradientCheck(square, x);
  assert.equal(x.grad, null);
  assert.deepEqual(toNested(x.data), [1, 2]);
});

Deno.test("gradientCheck() rejects bad arguments with TypeError and RangeError", () => {
  assert.throws(
    () => gradientCheck(42 as never, point),
    (e: Error) => e instanceof TypeError && /number 42/.test(e.message),
  );
  assert.throws(
    () => gradientCheck(new Square() as never, point),
    (e: Error) => e instanceof TypeError && /Square object/.test(e.message),
  );
  assert.throws(
    () => gradientCheck(square, [1, 2] as never),
    (e: Error) =>
      e instanceof TypeError && /array of length 2/.test(e.message) &&
      /Variable or a float64 ndarray/.test(e.message),
  );
  assert.throws(
    () => gradientCheck(square, point, { eps: -1 }),
    (e: Error) => e instanceof RangeError && /eps -1/.test(e.message),
  );
  assert.throws(
    () => gradientCheck(square, point, { seed: 0.5 }),
    (e: Error) => e instanceof RangeError && /seed 0.5/.test(e.message),
  );
});
