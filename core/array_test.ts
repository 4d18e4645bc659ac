import assert from "node:assert/strict";
import {
  array,
  asArray,
  format,
  full,
  map,
  toNested,
  zeros,
  zipWith,
} from "../mod.ts";

Deno.test("array() of a number is a 0-d float64 array", () => {
  const a = array(0.5);
  assert.deepEqual(a.shape, []);
  assert.equal(a.dtype, "float64");
  assert.equal(a.get(), 0.5);
});

Deno.test("array() of nested numbers keeps shape and row-major order", () => {
  const a = array([[1, 2, 3], [4, 5, 6]]);
  assert.deepEqual(a.shape, [2, 3]);
  assert.equal(a.get(0, 2), 3);
  assert.equal(a.get(1, 0), 4);
  assert.deepEqual(toNested(a), [[1, 2, 3], [4, 5, 6]]);
  assert.deepEqual(array([]).shape, [0]);
  assert.deepEqual(array([[]]).shape, [1, 0]);
});

Deno.test("array() views a Float64Array with the given shape", () => {
  const values = new Float64Array([1, 2, 3, 4, 5, 6]);
  const a = array(values, { shape: [3, 2] });
  assert.deepEqual(a.shape, [3, 2]);
  assert.equal(a.get(2, 1), 6);
  values[5] = 60;
  assert.equal(a.get(2, 1), 60);
  assert.deepEqual(array(values).shape, [6]);
});

Deno.test("array() rejects ragged, non-numeric and mis-sized input", () => {
  assert.throws(
    () => array([[1, 2], [3]]),
    (e: Error) =>
      e instanceof TypeError && /ragged/.test(e.message) &&
      /length 1 at index \[1\], expected 2/.test(e.message),
  );
  assert.throws(
    () => array([1, "2" as unknown as number]),
    (e: Error) =>
      e instanceof TypeError && /string "2" at index \[1\]/.test(e.message),
  );
  assert.throws(
    () => array("abc" as unknown as number),
    (e: Error) => e instanceof TypeError && /string "abc"/.test(e.message),
  );
  assert.throws(
    () => array(new Float64Array(5), { shape: [2, 3] }),
    (e: Error) =>
      e instanceof TypeError && /length 5 as shape \[2,3\]/.test(e.message),
  );
  assert.throws(
    () => array(new Float64Array(4), { shape: [2, -2] }),
    (e: Error) =>
      e instanceof TypeError && /non-negative integers/.test(e.message),
  );
});

Deno.test("asArray() wraps numbers and passes float64 arrays through", () => {
  const a = array([1, 2]);
  assert.equal(asArray(a), a);
  assert.equal(asArray(3).get(), 3);
  assert.throws(
    () => asArray([1, 2] as unknown as number),
    (e: Error) => e instanceof TypeError && /array of length 2/.test(e.message),
  );
});

Deno.test("zeros() and full() fill new arrays of any shape", () => {
  assert.deepEqual(toNested(zeros([2, 2])), [[0, 0], [0, 0]]);
  assert.deepEqual(toNested(full([3], 7)), [7, 7, 7]);
  assert.equal(full([], 2).get(), 2);
  // Small arrays share a slab; each must stay independent of the others.
  const first = full([2], 1);
  const second = full([2], 2);
  assert.deepEqual(toNested(first), [1, 1]);
  assert.deepEqual(toNested(second), [2, 2]);
});

// The expected strings are NumPy 1.24's str() of the same float64 arrays;
// core/_format_test.ts compares hundreds more.
Deno.test("arrays print as NumPy's str() does, in String() and console.log", () => {
  assert.equal(String(array(1)), "1.0");
  assert.equal(String(array(1.648721270700128)), "1.648721270700128");
  assert.equal(String(array([1, 2, 3])), "[1. 2. 3.]");
  assert.equal(String(array([[1, 2], [3, 40]])), "[[ 1.  2.]\n [ 3. 40.]]");
  assert.equal(
    String(array([[[1, 2]], [[3, 4]]])),
    "[[[1. 2.]]\n\n [[3. 4.]]]",
  );
  assert.equal(
    Deno.inspect(array([[1, 2], [3, 4]])),
    "[[1. 2.]\n [3. 4.]]",
  );
  assert.equal(format(array([-0, NaN, Infinity])), "[-0. nan inf]");
});

Deno.test("large arrays print their edges with ellipses", () => {
  const text = format(zeros([2000]));
  assert.equal(text, "[0. 0. 0. ... 0. 0. 0.]");
  const lines = format(zeros([40, 40])).split("\n");
  assert.equal(lines.length, 7);
  assert.equal(lines[3], " ...");
});

Deno.test("toNested() reads strided views in logical order", () => {
  const a = array([[1, 2, 3], [4, 5, 6]]);
  assert.deepEqual(toNested(a.transpose(1, 0)), [[1, 4], [2, 5], [3, 6]]);
  assert.deepEqual(toNested(a.step(-1, 2)), [[4, 6], [1, 3]]);
  assert.equal(String(a.transpose(1, 0)), "[[1. 4.]\n [2. 5.]\n [3. 6.]]");
});

Deno.test("map() and zipWith() apply a function elementwise in logical order", () => {
  const a = array([[1, 2, 3], [4, 5, 6]]).transpose(1, 0);
  assert.deepEqual(toNested(map(a, (v) => -v)), [[-1, -4], [-2, -5], [-3, -6]]);
  const b = array([[1, 1], [2, 2], [3, 3]]);
  assert.deepEqual(
    toNested(zipWith(a, b, (p, q) => p * q)),
    [[1, 4], [4, 10], [9, 18]],
  );
  assert.throws(
    () => zipWith(a, array([1, 2]), (p, q) => p + q),
    (e: Error) =>
      e instanceof TypeError && /shapes \[3,2\] and \[2\]/.test(e.message),
  );
  assert.throws(() => map(a, 3 as never), TypeError);
});
