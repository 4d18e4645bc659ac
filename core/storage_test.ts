// Issue 8, storage: every array the library returns owns exactly its
// elements, and keeping a small result pins little memory.

import assert from "node:assert/strict";
// @ts-types="@types/ndarray"
import ndarray from "ndarray";
import {
  add,
  array,
  exp,
  full,
  item,
  mul,
  square,
  sum,
  toFloat64Array,
  toNested,
  Variable,
  zeros,
} from "../mod.ts";

const gc = (globalThis as { gc?: () => void }).gc;

Deno.test("a gradient's data holds exactly its own element", () => {
  const x = new Variable(array(3));
  square(x).backward();
  assert.equal(x.grad!.data.data.length, 1);
  assert.equal(x.grad!.data.offset, 0);
  assert.equal(x.grad!.data.data[0], 6);
});

Deno.test("results, gradients and array() have data.length === size and offset 0", () => {
  const x = new Variable(array([1, 2, 3]));
  assert.equal(x.data.data.length, 3);
  const y = sum(mul(exp(x), 2));
  y.backward();
  for (const a of [x.data, y.data, x.grad!.data, zeros([2, 2]), full([5], 1)]) {
    assert.equal(a.data.length, a.shape.reduce((p, n) => p * n, 1));
    assert.equal(a.offset, 0);
  }
});

Deno.test("writing to one small array never changes another", () => {
  const a = array([1, 2]);
  const b = array([3, 4]);
  a.data.fill(0);
  assert.deepEqual(toNested(b), [3, 4]);
  a.set(2, 99); // past a's end: ignored by the typed array, not written into b
  assert.deepEqual(toNested(b), [3, 4]);
  assert.deepEqual(toNested(a), [0, 0]);
});

Deno.test("copies and JSON of a 0-d array hold one element", () => {
  assert.equal(new Float64Array(array(5).data).length, 1);
  assert.equal(JSON.stringify(array(5).data), '{"0":5}');
  assert.deepEqual(
    toFloat64Array(array([[1, 2], [3, 4]])),
    new Float64Array([1, 2, 3, 4]),
  );
});

Deno.test("a large array has a buffer of its own", () => {
  const a = zeros([100]);
  assert.equal(a.data.buffer.byteLength, 800);
  const x = new Variable(a);
  const y = add(x, 1);
  assert.equal(y.data.data.buffer.byteLength, 800);
});

Deno.test("transferring a small array's buffer does not break arrays made later", () => {
  const a = array([1, 2]);
  const copy = toFloat64Array(a);
  const pool = a.data.buffer as ArrayBuffer;
  structuredClone(pool, { transfer: [pool] });
  assert.equal(a.data.length, 0); // detached, as documented
  const b = array([5, 6]);
  assert.deepEqual(toNested(b), [5, 6]);
  assert.deepEqual([...copy], [1, 2]);
  const c = toFloat64Array(b);
  const own = c.buffer as ArrayBuffer;
  structuredClone(own, { transfer: [own] }); // a copy is safe to send
  assert.deepEqual(toNested(b), [5, 6]);
});

Deno.test("structuredClone of an array's data copies its own elements", () => {
  const a = array([7, 8, 9]);
  const clone = structuredClone(a.data);
  assert.deepEqual([...clone], [7, 8, 9]);
  clone[0] = 0;
  assert.equal(a.get(0), 7);
});

Deno.test({
  name:
    "keeping 20,000 scalar losses from a loop grows the heap by less than 25 MB",
  ignore: gc === undefined,
  fn() {
    // Between two kept losses each step makes 256 small arrays (4,096
    // elements), as a training step does, so every kept loss sits in a
    // different pool: the worst case for pooled storage.
    const used = () => {
      const { heapUsed, external } = Deno.memoryUsage();
      return heapUsed + external;
    };
    const w = new Variable(full([16], 0.5));
    const losses = [];
    gc!();
    const before = used();
    for (let i = 0; i < 20_000; i++) {
      const loss = sum(mul(w, i));
      for (let j = 0; j < 256; j++) zeros([16]);
      losses.push(loss.data);
    }
    gc!();
    const grown = used() - before;
    assert.equal(losses.length, 20_000);
    assert.ok(grown < 25e6, `heap grew by ${(grown / 1e6).toFixed(1)} MB`);
  },
});

Deno.test("shapes and strides the library exposes are frozen", () => {
  const x = new Variable(array([[1, 2, 3], [4, 5, 6]]));
  assert.throws(() => (x.shape as number[]).reverse(), TypeError);
  assert.throws(() => (x.data.stride as number[]).reverse(), TypeError);
  assert.throws(
    () => (new Variable(array(1)).shape as number[]).push(1),
    TypeError,
  );
  assert.deepEqual(x.shape, [2, 3]);
  assert.deepEqual(toNested(sum(x, { axis: 0 }).data), [5, 7, 9]);
});

Deno.test("a user's ndarray is wrapped: changing its shape later changes nothing", () => {
  const mine = ndarray(new Float64Array([1, 2, 3, 4, 5, 6]), [2, 3]);
  const x = new Variable(mine);
  mine.shape.reverse();
  assert.deepEqual(x.shape, [2, 3]);
  assert.equal(x.data.get(1, 0), 4);
  // The elements are shared, as documented for a Float64Array given to array().
  mine.data[0] = 10;
  assert.equal(x.data.get(0, 0), 10);
});

Deno.test("an ndarray-like object is accepted without touching Object.prototype", () => {
  const data = new Float64Array([1, 2]);
  const fake = {
    data,
    shape: [2],
    stride: [1],
    offset: 0,
    get: (i: number) => data[i],
  };
  // deno-lint-ignore no-explicit-any
  const x = new Variable(fake as any);
  assert.equal(String({}), "[object Object]");
  assert.deepEqual(toNested(x.data), [1, 2]);
  assert.notEqual(x.data, fake);
});

Deno.test("a view whose elements run past its buffer is a RangeError at the boundary", () => {
  assert.throws(
    () => new Variable(ndarray(new Float64Array(2), [3])),
    (e: Error) =>
      e instanceof RangeError && /Variable/.test(e.message) &&
      /buffer of 2 elements/.test(e.message),
  );
  assert.throws(
    () => new Variable(ndarray(new Float64Array(2), [], [], 5)),
    RangeError,
  );
  assert.throws(
    () => item(ndarray(new Float64Array(4), [2, 2], [2, 1], 1)),
    RangeError,
  );
});

Deno.test("item() reads the one value, and names the shape otherwise", () => {
  assert.equal(new Variable(array([[3.5]])).item(), 3.5);
  assert.equal(item(array(2)), 2);
  assert.throws(
    () => new Variable(array([1, 2])).item(),
    (e: Error) => e instanceof RangeError && /shape \[2\]/.test(e.message),
  );
});
