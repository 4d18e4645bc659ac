import assert from "node:assert/strict";
import {
  array,
  Conv2d,
  conv2d,
  noGrad,
  sum,
  transpose,
  Variable,
  zeros,
} from "../mod.ts";
import { assertAllClose, gradientCheck } from "../testing/mod.ts";
import { checkConvFixture, convCases } from "./testdata/_conv_fixtures.ts";
import { directConv2d, randomArray } from "./testdata/_conv_reference.ts";

type P = number | [number, number];
const configs: { x: number[]; W: number[]; stride: P; pad: P }[] = [
  { x: [2, 3, 5, 5], W: [4, 3, 3, 3], stride: 1, pad: 0 },
  { x: [1, 2, 6, 5], W: [3, 2, 3, 3], stride: 2, pad: 1 },
  { x: [2, 1, 5, 7], W: [2, 1, 2, 3], stride: [2, 1], pad: [1, 0] },
  { x: [1, 2, 7, 6], W: [2, 2, 3, 2], stride: [1, 2], pad: [0, 1] },
  { x: [1, 1, 3, 3], W: [1, 1, 3, 3], stride: 3, pad: 2 },
  { x: [1, 2, 4, 4], W: [2, 2, 1, 1], stride: 1, pad: 0 },
];

Deno.test("conv2d() matches a nested-loop convolution for strides, paddings and non-square kernels", () => {
  configs.forEach(({ x, W, stride, pad }, k) => {
    const xs = randomArray(x, 10 + k);
    const Ws = randomArray(W, 20 + k);
    const b = randomArray([W[0]], 30 + k);
    const expected = directConv2d(xs, Ws, b, stride as never, pad as never);
    assertAllClose(conv2d(xs, Ws, b, stride, pad), expected, {
      rtol: 1e-12,
      atol: 1e-12,
    });
    const noBias = directConv2d(
      xs,
      Ws,
      undefined,
      stride as never,
      pad as never,
    );
    assertAllClose(conv2d(xs, Ws, null, stride, pad), noBias, {
      rtol: 1e-12,
      atol: 1e-12,
    });
  });
});

Deno.test("conv2d() reads strided views of x and W", () => {
  const x = randomArray([1, 2, 5, 4], 1);
  const W = randomArray([2, 3, 3, 2], 2);
  // Permuted views: neither is contiguous.
  const xT = transpose(new Variable(randomArray([4, 5, 2, 1], 3)), [
    3,
    2,
    1,
    0,
  ]);
  const WT = transpose(new Variable(randomArray([2, 3, 2, 3], 4)), [
    1,
    0,
    3,
    2,
  ]);
  assertAllClose(
    conv2d(xT, WT, null, 1, 1),
    directConv2d(xT.data, WT.data, undefined, 1, 1),
    { rtol: 1e-12, atol: 1e-12 },
  );
  assert.deepEqual(conv2d(x, transpose(new Variable(W), [1, 0, 2, 3])).shape, [
    1,
    3,
    3,
    3,
  ]);
});

Deno.test("conv2d() agrees with PyTorch's conv2d: output, gradients and double backward", () => {
  for (const c of convCases("conv2d")) {
    const { stride, pad } = c.params;
    checkConvFixture(c, (x, W, b) => conv2d(x, W, b, stride, pad));
  }
});

Deno.test("conv2d() passes first-order gradient checks", () => {
  configs.slice(1, 5).forEach(({ x, W, stride, pad }, k) => {
    const inputs = [
      randomArray([1, x[1], x[2], x[3]], 40 + k),
      randomArray(W, 50 + k),
      randomArray([W[0]], 60 + k),
    ];
    gradientCheck(
      (x: Variable, W: Variable, b: Variable) => conv2d(x, W, b, stride, pad),
      inputs,
    );
  });
});

Deno.test("conv2d() passes second-order gradient checks (where the book's Conv2DGradW fails)", () => {
  const cases: { x: number[]; W: number[]; stride: P; pad: P }[] = [
    { x: [1, 2, 4, 4], W: [2, 2, 3, 3], stride: 1, pad: 1 },
    { x: [2, 1, 5, 4], W: [2, 1, 2, 3], stride: [2, 1], pad: [1, 0] },
    { x: [1, 1, 5, 5], W: [1, 1, 3, 3], stride: 2, pad: 1 },
  ];
  cases.forEach(({ x, W, stride, pad }, k) => {
    gradientCheck(
      (x: Variable, W: Variable, b: Variable) => conv2d(x, W, b, stride, pad),
      [
        randomArray(x, 70 + k),
        randomArray(W, 80 + k),
        randomArray([W[0]], 90 + k),
      ],
      { order: 2 },
    );
  });
});

Deno.test("conv2d() without bias returns two gradients and skips constant inputs", () => {
  const x = new Variable(randomArray([1, 1, 4, 4], 5));
  const W = new Variable(randomArray([2, 1, 3, 3], 6));
  const y = conv2d(x, W);
  assert.equal(y.creator?.inputs.length, 2);
  sum(y).backward();
  assert.deepEqual(x.grad?.shape, [1, 1, 4, 4]);
  assert.deepEqual(W.grad?.shape, [2, 1, 3, 3]);
  const frozen = noGrad(() => conv2d(x, W, array([1, 2])));
  assert.equal(frozen.creator, null);
});

Deno.test("conv2d() rejects bad shapes, strides and paddings, naming Conv2d and the shapes", () => {
  const x = zeros([1, 2, 4, 4]);
  assert.throws(
    () => conv2d(x, zeros([3, 4, 3, 3])),
    {
      name: "TypeError",
      message:
        "Cannot apply Conv2d to x of shape [1,2,4,4] and W of shape [3,4,3,3]: x has 2 channels, W expects 4 (axis 1)",
    },
  );
  assert.throws(
    () => conv2d(x, zeros([3, 2, 5, 5])),
    {
      name: "RangeError",
      message:
        "Cannot apply Conv2d to shape [1,2,4,4]: the kernel's height 5 is larger than the padded input's 4",
    },
  );
  conv2d(x, zeros([3, 2, 5, 5]), null, 1, 1);
  assert.throws(
    () => conv2d(zeros([2, 4, 4]), zeros([3, 2, 3, 3])),
    {
      name: "TypeError",
      message:
        "Cannot apply Conv2d to x of shape [2,4,4]: expected a 4-d array (N, C, H, W), got 3-d",
    },
  );
  assert.throws(
    () => conv2d(x, zeros([3, 2, 3])),
    /^TypeError: Cannot apply Conv2d with W of shape \[3,2,3\]: expected 4-d filters/,
  );
  assert.throws(
    () => conv2d(x, zeros([3, 2, 3, 3]), zeros([2])),
    /Cannot apply Conv2d with W of shape \[3,2,3,3\] and b of shape \[2\]: expected b of shape \[3\]/,
  );
  assert.throws(() => conv2d(x, zeros([3, 2, 3, 3]), null, 0), {
    name: "RangeError",
    message: "Cannot use 0 as the stride: Conv2d expects positive integers",
  });
  assert.throws(() => conv2d(x, zeros([3, 2, 3, 3]), null, [1, -2]), {
    name: "RangeError",
    message:
      "Cannot use [1,-2] as the stride: Conv2d expects positive integers",
  });
  assert.throws(() => conv2d(x, zeros([3, 2, 3, 3]), null, 1, -1), {
    name: "RangeError",
    message:
      "Cannot use -1 as the padding: Conv2d expects non-negative integers",
  });
  assert.throws(() => new Conv2d(1.5), {
    name: "TypeError",
    message:
      "Cannot use number 1.5 as the stride: Conv2d expects an integer or a pair of integers",
  });
  assert.throws(() => new Conv2d("2" as never), TypeError);
});
