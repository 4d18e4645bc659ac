// Shape functions and broadcasting, against closed forms, plus their errors.

import assert from "node:assert/strict";
import {
  add,
  array,
  broadcastTo,
  type Float64NdArray,
  Function,
  map,
  matmul,
  mul,
  reshape,
  square,
  sum,
  sumTo,
  toNested,
  transpose,
  Variable,
} from "../mod.ts";

Deno.test("binary functions broadcast as NumPy does and reduce each gradient to its input's shape", () => {
  const a = new Variable(array([[1, 2, 3], [4, 5, 6]])); // [2,3]
  const b = new Variable(array([10, 20, 30])); // [3]
  const c = new Variable(array([[100], [200]])); // [2,1]
  const y = add(add(a, b), mul(c, 2));
  assert.deepEqual(toNested(y.data), [[211, 222, 233], [414, 425, 436]]);
  y.backward();
  assert.deepEqual(toNested(a.grad!.data), [[1, 1, 1], [1, 1, 1]]);
  assert.deepEqual(toNested(b.grad!.data), [2, 2, 2]);
  assert.deepEqual(toNested(c.grad!.data), [[6], [6]]);
});

Deno.test("broadcastTo() is a stride-0 view that copies nothing", () => {
  const data = array([1, 2, 3]);
  const y = broadcastTo(new Variable(data), [1000, 3]);
  assert.equal(y.data.data, data.data);
  assert.deepEqual(y.data.stride, [0, 1]);
  assert.equal(y.data.get(999, 2), 3);
});

Deno.test("sum() sums over axes with keepdims, and its gradient is ones", () => {
  const x = new Variable(array([[1, 2, 3], [4, 5, 6]]));
  assert.equal(sum(x).data.get(), 21);
  assert.deepEqual(toNested(sum(x, { axis: 0 }).data), [5, 7, 9]);
  assert.deepEqual(toNested(sum(x, { axis: -1 }).data), [6, 15]);
  assert.deepEqual(sum(x, { axis: [0, 1], keepdims: true }).shape, [1, 1]);
  const y = sum(square(x), { axis: 1 });
  y.backward();
  assert.deepEqual(toNested(x.grad!.data), [[2, 4, 6], [8, 10, 12]]);
});

Deno.test("reshape() and transpose() move gradients back to the input's layout", () => {
  const x = new Variable(array([[1, 2, 3], [4, 5, 6]]));
  const y = mul(
    reshape(x, [3, 2]),
    new Variable(array([[1, 2], [3, 4], [5, 6]])),
  );
  y.backward();
  assert.deepEqual(toNested(x.grad!.data), [[1, 2, 3], [4, 5, 6]]);
  x.clearGrad();
  const t = mul(transpose(x), new Variable(array([[1, 2], [3, 4], [5, 6]])));
  t.backward();
  assert.deepEqual(toNested(x.grad!.data), [[1, 3, 5], [2, 4, 6]]);
  assert.deepEqual(x.T.shape, [3, 2]);
  assert.deepEqual(x.reshape(6).shape, [6]);
});

Deno.test("matmul() has the gradients gy·Wᵀ and xᵀ·gy", () => {
  const x = new Variable(array([[1, 2], [3, 4], [5, 6]])); // [3,2]
  const w = new Variable(array([[1, 0, -1], [2, 1, 0]])); // [2,3]
  const y = matmul(x, w);
  assert.deepEqual(toNested(y.data), [[5, 2, -1], [11, 4, -3], [17, 6, -5]]);
  y.backward();
  // gy is ones: x.grad = ones·wᵀ = row sums of w, w.grad = xᵀ·ones = column sums of x.
  assert.deepEqual(toNested(x.grad!.data), [[0, 3], [0, 3], [0, 3]]);
  assert.deepEqual(toNested(w.grad!.data), [[9, 9, 9], [12, 12, 12]]);
});

Deno.test("shape errors name the function and the shapes, and change nothing", () => {
  const x = new Variable(array([[1, 2, 3], [4, 5, 6]]));
  assert.throws(
    () => reshape(x, [4, 2]),
    (e: Error) =>
      e instanceof TypeError &&
      /Cannot reshape shape \[2,3\] to \[4,2\]: Reshape/.test(e.message),
  );
  assert.throws(
    () => sum(x, { axis: 2 }),
    (e: Error) => e instanceof RangeError && /Sum/.test(e.message),
  );
  assert.throws(
    () => transpose(x, [0, 0]),
    (e: Error) => e instanceof TypeError && /Transpose/.test(e.message),
  );
  assert.throws(
    () => transpose(x, [0, 5]),
    (e: Error) => e instanceof RangeError && /Transpose/.test(e.message),
  );
  assert.throws(
    () => broadcastTo(x, [3, 2]),
    (e: Error) =>
      e instanceof TypeError &&
      /Cannot broadcast shape \[2,3\] to \[3,2\]: BroadcastTo/.test(e.message),
  );
  assert.throws(
    () => sumTo(x, [4]),
    (e: Error) => e instanceof TypeError && /SumTo/.test(e.message),
  );
  assert.throws(
    () => matmul(x, x),
    (e: Error) =>
      e instanceof TypeError &&
      /Cannot multiply shapes \[2,3\] and \[2,3\]: MatMul/.test(e.message),
  );
  assert.throws(
    () => add(x, new Variable(array([1, 2]))),
    (e: Error) =>
      e instanceof TypeError &&
      /Cannot broadcast shapes \[2,3\] and \[2\] in Add/.test(e.message),
  );
  assert.equal(x.grad, null);
  assert.equal(x.creator, null);
});

Deno.test("createGraph with a backward written on ndarrays is a clear error", () => {
  class CubeOnArrays extends Function {
    forward(x: Float64NdArray): Float64NdArray {
      return map(x, (v) => v ** 3);
    }
    backward(gy: Variable): Float64NdArray {
      const g = toNested(gy.data) as number;
      return map(this.inputs[0].data, (v) => 3 * v * v * g);
    }
  }
  const x = new Variable(array(2));
  const y = new CubeOnArrays().call(x);
  y.backward(); // first derivatives work
  assert.equal(x.grad?.data.get(), 12);
  x.clearGrad();
  assert.throws(
    () => y.backward({ createGraph: true }),
    (e: Error) =>
      e instanceof TypeError &&
      /Cannot create the graph of the gradient: CubeOnArrays.backward returned a float64 ndarray/
        .test(e.message),
  );
  assert.equal(x.grad, null);
});

Deno.test("reshape() and transpose() methods take numbers or one array", () => {
  const x = new Variable(array([[1, 2, 3], [4, 5, 6]]));
  assert.deepEqual(x.reshape(3, 2).shape, [3, 2]);
  assert.deepEqual(x.reshape([3, 2]).shape, [3, 2]);
  assert.deepEqual(x.transpose(1, 0).shape, [3, 2]);
  assert.deepEqual(x.transpose([1, 0]).shape, [3, 2]);
  assert.deepEqual(x.transpose().shape, [3, 2]);
});
