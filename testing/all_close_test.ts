import assert from "node:assert/strict";
import { AssertionError } from "node:assert";
import { array, Variable } from "../mod.ts";
import { allClose, assertAllClose } from "./mod.ts";

Deno.test("allClose() uses NumPy's |a - b| <= atol + rtol * |b|", () => {
  assert.equal(allClose(array([1e10]), [1.00001e10]), true);
  assert.equal(allClose(array([1e-8]), [1e-9]), true);
  assert.equal(allClose(array([1e-8]), [1e-9], { atol: 0 }), false);
  // Asymmetric, as in NumPy: the tolerance scales with the expected value.
  assert.equal(allClose(array(1), 2, { rtol: 0.5, atol: 0 }), true);
  assert.equal(allClose(array(2), 1, { rtol: 0.5, atol: 0 }), false);
});

Deno.test("allClose() is false for different shapes, NaN and opposite infinities", () => {
  assert.equal(allClose(array([1, 2]), [[1, 2]]), false);
  assert.equal(allClose(array(NaN), NaN), false);
  assert.equal(allClose(array(Infinity), Infinity), true);
  assert.equal(allClose(array(Infinity), -Infinity), false);
});

Deno.test("allClose() accepts Variables, arrays and nested numbers", () => {
  assert.equal(allClose(new Variable(array([1, 2])), array([1, 2])), true);
  assert.throws(
    () => allClose("1" as never, 1),
    (e: Error) => e instanceof TypeError && /string "1"/.test(e.message),
  );
  assert.throws(
    () => allClose(1, 1, { rtol: -1 }),
    (e: Error) => e instanceof RangeError && /rtol -1/.test(e.message),
  );
});

Deno.test("assertAllClose() names the first far element, not the whole array", () => {
  assert.throws(
    () => assertAllClose(array([[1, 2], [3, 4]]), [[1, 2], [3, 5]]),
    (e: Error) =>
      e instanceof AssertionError && /index \[1,1\]/.test(e.message) &&
      /actual is 4, expected 5/.test(e.message),
  );
  assert.throws(
    () => assertAllClose(array([1, 2]), [1, 2, 3]),
    (e: Error) =>
      e instanceof AssertionError &&
      /shape \[2\], expected \[3\]/.test(e.message),
  );
  assertAllClose(array([1, 2]), [1, 2]);
});
