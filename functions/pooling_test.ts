import assert from "node:assert/strict";
import {
  array,
  grad,
  mul,
  Pooling,
  pooling,
  Pooling2DGrad,
  Pooling2DWithIndexes,
  transpose,
  Variable,
  zeros,
} from "../mod.ts";
import { assertAllClose, gradientCheck } from "../testing/mod.ts";
import { checkConvFixture, convCases } from "./testdata/_conv_fixtures.ts";
import { directPooling, randomArray } from "./testdata/_conv_reference.ts";

type P = number | [number, number];
const configs: { x: number[]; kernel: P; stride: P; pad: P }[] = [
  { x: [2, 2, 4, 4], kernel: 2, stride: 2, pad: 0 },
  { x: [1, 2, 5, 5], kernel: 3, stride: 1, pad: 1 },
  { x: [1, 1, 5, 7], kernel: [2, 3], stride: [2, 1], pad: [1, 1] },
  { x: [2, 1, 6, 5], kernel: [3, 2], stride: 2, pad: [1, 0] },
];

Deno.test("pooling() matches a nested-loop max over each window, padding never winning", () => {
  configs.forEach(({ x, kernel, stride, pad }, k) => {
    const mixed = randomArray(x, 700 + k);
    // All negative: a zero-padded max (DeZero's) would differ at the borders.
    const negative = randomArray(x, 710 + k);
    negative.data.forEach((v, i) => negative.data[i] = -1 - Math.abs(v));
    for (const input of [mixed, negative]) {
      assertAllClose(
        pooling(input, kernel, stride, pad),
        directPooling(
          input,
          kernel as never,
          stride as never,
          pad as never,
          "max",
        ),
        { rtol: 0, atol: 0 },
      );
    }
  });
});

Deno.test("pooling() agrees with PyTorch's max_pool2d: output, gradients and double backward", () => {
  for (const c of convCases("pooling")) {
    const { kernel, stride, pad } = c.params;
    checkConvFixture(c, (x) => pooling(x, kernel!, stride, pad));
  }
});

Deno.test("pooling() passes first- and second-order gradient checks", () => {
  configs.forEach(({ x, kernel, stride, pad }, k) => {
    const f = (x: Variable) => pooling(x, kernel, stride, pad);
    const xs = randomArray([1, 1, x[2], x[3]], 720 + k);
    gradientCheck(f, [xs]);
    // The square makes the second derivative go through Pooling2DGrad's
    // backward (Pooling2DWithIndexes).
    gradientCheck((x: Variable) => mul(f(x), f(x)), [xs], { order: 2 });
  });
});

Deno.test("pooling() sends the gradient of tied maxima to the first, as NumPy's argmax and PyTorch", () => {
  const x = new Variable(array([[[[1, 3], [3, 0]]]]));
  const [gx] = grad(pooling(x, 2), [x]);
  assert.deepEqual(Array.from(gx!.data.data), [0, 1, 0, 0]);
  const withNaN = pooling(array([[[[1, NaN], [3, 0]]]]), 2);
  assert.ok(Number.isNaN(withNaN.data.get(0, 0, 0, 0)));
});

Deno.test("pooling() reads strided views; its grad Functions scatter and gather at the winners", () => {
  const base = randomArray([5, 4, 2, 1], 9);
  const x = transpose(new Variable(base), [3, 2, 1, 0]);
  assertAllClose(pooling(x, 2, 1, 1), directPooling(x.data, 2, 1, 1, "max"), {
    rtol: 0,
    atol: 0,
  });
  const pool = new Pooling(2, 2);
  pool.call(array([[[[1, 5, 2, 0], [4, 3, 1, 7]]]]));
  const gx = new Pooling2DGrad(pool).call(array([[[[10, 20]]]]));
  assert.deepEqual(Array.from(gx.data.data), [0, 10, 0, 0, 0, 0, 0, 20]);
  const gathered = new Pooling2DWithIndexes(pool).call(
    array([[[[1, 2, 3, 4], [5, 6, 7, 8]]]]),
  );
  assert.deepEqual(Array.from(gathered.data.data), [2, 8]);
  gradientCheck(
    (g: Variable) => new Pooling2DGrad(pool).call(g),
    [array([[[[0.5, -2]]]])],
  );
  gradientCheck(
    (x: Variable) => new Pooling2DWithIndexes(pool).call(x),
    [randomArray([1, 1, 2, 4], 10)],
  );
});

Deno.test("pooling() rejects bad windows and shapes, naming the function and the shapes", () => {
  assert.throws(() => pooling(zeros([1, 1, 2, 2]), 3), {
    name: "RangeError",
    message:
      "Cannot apply Pooling to shape [1,1,2,2]: the kernel's height 3 is larger than the padded input's 2",
  });
  assert.throws(() => pooling(zeros([1, 1, 4, 4]), 2, 0), {
    name: "RangeError",
    message: "Cannot use 0 as the stride: Pooling expects positive integers",
  });
  assert.throws(() => pooling(zeros([1, 1, 4, 4]), 2, 1, 2), {
    name: "RangeError",
    message:
      "Cannot pool with kernel [2,2] and padding [2,2]: Pooling expects a padding of at most half the kernel, so that every window holds an input element",
  });
  assert.throws(() => pooling(zeros([4, 4]), 2), {
    name: "TypeError",
    message:
      "Cannot apply Pooling to an input of shape [4,4]: expected a 4-d array (N, C, H, W), got 2-d",
  });
  const pool = new Pooling(2, 2);
  assert.throws(() => new Pooling2DGrad(pool).call(zeros([1, 1, 1, 1])), {
    name: "TypeError",
    message: "Cannot apply Pooling2DGrad: its Pooling has not run forward yet",
  });
  pool.call(zeros([1, 1, 4, 4]));
  assert.throws(() => new Pooling2DGrad(pool).call(zeros([1, 1, 1, 1])), {
    name: "TypeError",
    message:
      "Cannot apply Pooling2DGrad to gy of shape [1,1,1,1]: its Pooling expects shape [1,1,2,2]",
  });
  assert.throws(
    () => new Pooling2DWithIndexes(pool).call(zeros([1, 1, 2, 2])),
    /Cannot apply Pooling2DWithIndexes to x of shape \[1,1,2,2\]: its Pooling expects shape \[1,1,4,4\]/,
  );
});
