import assert from "node:assert/strict";
import { conv2d, deconv2d, grad, mul, sum, Variable, zeros } from "../mod.ts";
import { assertAllClose, gradientCheck } from "../testing/mod.ts";
import { checkConvFixture, convCases } from "./testdata/_conv_fixtures.ts";
import { directDeconv2d, randomArray } from "./testdata/_conv_reference.ts";

type P = number | [number, number];
const TIGHT = { rtol: 1e-12, atol: 1e-12 };

Deno.test("deconv2d() matches a nested-loop transposed convolution", () => {
  const configs: {
    x: number[];
    W: number[];
    stride: P;
    pad: P;
    outsize?: [number, number];
  }[] = [
    { x: [2, 3, 3, 3], W: [3, 2, 3, 3], stride: 1, pad: 0 },
    { x: [1, 2, 3, 4], W: [2, 3, 3, 3], stride: 2, pad: 1 },
    {
      x: [1, 2, 3, 3],
      W: [2, 2, 3, 2],
      stride: [2, 1],
      pad: [1, 0],
      outsize: [6, 4],
    },
    { x: [2, 1, 2, 3], W: [1, 2, 2, 3], stride: 2, pad: 0, outsize: [5, 8] },
  ];
  configs.forEach(({ x, W, stride, pad, outsize }, k) => {
    const xs = randomArray(x, 100 + k);
    const Ws = randomArray(W, 110 + k);
    const b = randomArray([W[1]], 120 + k);
    assertAllClose(
      deconv2d(xs, Ws, b, stride, pad, outsize),
      directDeconv2d(xs, Ws, b, stride as never, pad as never, outsize),
      TIGHT,
    );
  });
});

Deno.test("deconv2d() is the adjoint of conv2d: <conv2d(x, W), y> = <x, deconv2d(y, W)>", () => {
  const x = randomArray([2, 3, 6, 5], 1);
  const W = randomArray([4, 3, 3, 2], 2);
  const y = randomArray([2, 4, 3, 3], 3);
  const left = sum(mul(conv2d(x, W, null, 2, 1), y)).data.get();
  const right = sum(mul(x, deconv2d(y, W, null, 2, 1, [6, 5]))).data.get();
  assert.ok(
    Math.abs(left - right) < 1e-12 * Math.abs(left),
    `${left} vs ${right}`,
  );
});

Deno.test("deconv2d() agrees with PyTorch's conv_transpose2d: output, gradients and double backward", () => {
  for (const c of convCases("deconv2d")) {
    const { stride, pad, outsize } = c.params;
    checkConvFixture(
      c,
      (x, W, b) => deconv2d(x, W, b, stride, pad, outsize ?? undefined),
    );
  }
});

Deno.test("deconv2d() passes first- and second-order gradient checks", () => {
  const cases: {
    x: number[];
    W: number[];
    stride: P;
    pad: P;
    outsize?: [number, number];
  }[] = [
    { x: [1, 2, 3, 3], W: [2, 2, 3, 3], stride: 1, pad: 1 },
    {
      x: [2, 1, 2, 3],
      W: [1, 2, 3, 2],
      stride: [2, 1],
      pad: [1, 0],
      outsize: [4, 4],
    },
  ];
  cases.forEach(({ x, W, stride, pad, outsize }, k) => {
    const f = (x: Variable, W: Variable, b: Variable) =>
      deconv2d(x, W, b, stride, pad, outsize);
    const inputs = [
      randomArray(x, 130 + k),
      randomArray(W, 140 + k),
      randomArray([W[1]], 150 + k),
    ];
    gradientCheck(f, inputs);
    gradientCheck(f, inputs, { order: 2 });
  });
});

Deno.test("deconv2d() without bias has two inputs and gradients", () => {
  const x = new Variable(randomArray([1, 2, 2, 2], 4));
  const W = new Variable(randomArray([2, 1, 2, 2], 5));
  const y = deconv2d(x, W);
  assert.deepEqual(y.shape, [1, 1, 3, 3]);
  assert.equal(y.creator?.inputs.length, 2);
  const [gx, gW] = grad(sum(y), [x, W]);
  assert.deepEqual(gx?.shape, [1, 2, 2, 2]);
  assert.deepEqual(gW?.shape, [2, 1, 2, 2]);
});

Deno.test("deconv2d() rejects bad shapes and output sizes, naming Deconv2d and the shapes", () => {
  const x = zeros([1, 2, 3, 3]);
  assert.throws(() => deconv2d(x, zeros([3, 2, 3, 3])), {
    name: "TypeError",
    message:
      "Cannot apply Deconv2d to x of shape [1,2,3,3] and W of shape [3,2,3,3]: x has 2 channels, W expects 3 (axis 0)",
  });
  assert.throws(() => deconv2d(x, zeros([2, 1, 3, 3]), null, 2, 0, [9, 9]), {
    name: "RangeError",
    message:
      "Cannot apply Deconv2d to x of shape [1,2,3,3] with output size 9x9: a convolution of that size gives 4x4, expected 3x3",
  });
  assert.throws(() => deconv2d(x, zeros([2, 1, 1, 1]), null, 1, 2), {
    name: "RangeError",
    message:
      "Cannot apply Deconv2d to x of shape [1,2,3,3] and W of shape [2,1,1,1] with padding [2,2]: the output would be -1x-1",
  });
  assert.throws(
    () => deconv2d(x, zeros([2, 1, 3, 3]), zeros([2])),
    /expected b of shape \[1\]/,
  );
  assert.throws(() => deconv2d(x, zeros([2, 1, 3, 3]), null, 0), RangeError);
  assert.throws(
    () => deconv2d(zeros([2, 3, 3]), zeros([2, 1, 3, 3])),
    TypeError,
  );
});
