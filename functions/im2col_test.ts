import assert from "node:assert/strict";
import {
  broadcastTo,
  col2im,
  full,
  grad,
  Im2col,
  im2col,
  mul,
  reshape,
  sum,
  transpose,
  Variable,
  zeros,
} from "../mod.ts";
import { assertAllClose, gradientCheck } from "../testing/mod.ts";
import { directIm2col, randomArray } from "./testdata/_conv_reference.ts";

type P = number | [number, number];
const configs: { x: number[]; kernel: P; stride: P; pad: P }[] = [
  { x: [2, 3, 5, 5], kernel: 3, stride: 1, pad: 0 },
  { x: [1, 2, 6, 5], kernel: 3, stride: 2, pad: 1 },
  { x: [2, 1, 5, 7], kernel: [2, 3], stride: [2, 1], pad: [1, 0] },
  { x: [1, 2, 4, 4], kernel: [3, 1], stride: [1, 3], pad: [2, 1] },
];

Deno.test("im2col() matches the definition in both layouts", () => {
  configs.forEach(({ x, kernel, stride, pad }, k) => {
    const xs = randomArray(x, 200 + k);
    const expected = directIm2col(
      xs,
      kernel as never,
      stride as never,
      pad as never,
    );
    const col = im2col(xs, kernel, stride, pad, false);
    assertAllClose(col, expected, { rtol: 0, atol: 0 });
    // The matrix layout is DeZero's transpose (0, 4, 5, 1, 2, 3) and reshape.
    const [N, C, KH, KW, OH, OW] = expected.shape;
    const matrix = reshape(
      transpose(new Variable(expected), [0, 4, 5, 1, 2, 3]),
      [N * OH * OW, C * KH * KW],
    );
    assertAllClose(im2col(xs, kernel, stride, pad), matrix, {
      rtol: 0,
      atol: 0,
    });
  });
});

Deno.test("col2im() is the adjoint of im2col: <im2col(x), c> = <x, col2im(c)>", () => {
  configs.forEach(({ x, kernel, stride, pad }, k) => {
    const xs = randomArray(x, 300 + k);
    for (const toMatrix of [true, false]) {
      const col = im2col(xs, kernel, stride, pad, toMatrix);
      const c = randomArray([...col.shape], 400 + k);
      const left = sum(mul(col, c)).data.get();
      const right = sum(mul(xs, col2im(c, x, kernel, stride, pad, toMatrix)))
        .data.get();
      assert.ok(
        Math.abs(left - right) <= 1e-12 * Math.abs(left),
        `${left} vs ${right}`,
      );
    }
  });
});

Deno.test("im2col() and col2im() pass first- and second-order gradient checks", () => {
  configs.slice(1).forEach(({ x, kernel, stride, pad }, k) => {
    const xs = randomArray([1, 1, x[2], x[3]], 500 + k);
    for (const toMatrix of [true, false]) {
      const f = (x: Variable) => im2col(x, kernel, stride, pad, toMatrix);
      gradientCheck(f, [xs]);
      gradientCheck((x: Variable) => mul(f(x), f(x)), [xs], { order: 2 });
      const c = randomArray([...f(new Variable(xs)).shape], 600 + k);
      const g = (c: Variable) =>
        col2im(c, xs.shape, kernel, stride, pad, toMatrix);
      gradientCheck(g, [c]);
      gradientCheck((c: Variable) => mul(g(c), g(c)), [c], { order: 2 });
    }
  });
});

Deno.test("im2col() of a strided view and col2im() of a broadcast view read the right elements", () => {
  const base = randomArray([5, 4, 2, 1], 7);
  const x = transpose(new Variable(base), [3, 2, 1, 0]);
  assertAllClose(
    im2col(x, 2, 1, 1, false),
    directIm2col(x.data, 2, 1, 1),
    { rtol: 0, atol: 0 },
  );
  const [gx] = grad(sum(im2col(x, 2, 1, 1)), [x]);
  const counts = col2im(
    broadcastTo(new Variable(full([1, 8], 1)), [30, 8]),
    [1, 2, 4, 5],
    2,
    1,
    1,
  );
  assertAllClose(gx!, counts, { rtol: 0, atol: 0 });
  assert.deepEqual(gx!.data.get(0, 0, 0, 0), 4);
});

Deno.test("im2col() and col2im() reject bad arguments, naming the function and the shapes", () => {
  assert.throws(() => im2col(zeros([1, 1, 2, 2]), 3), {
    name: "RangeError",
    message:
      "Cannot apply Im2col to shape [1,1,2,2]: the kernel's height 3 is larger than the padded input's 2",
  });
  assert.throws(() => im2col(zeros([1, 2, 2]), 1), {
    name: "TypeError",
    message:
      "Cannot apply Im2col to an input of shape [1,2,2]: expected a 4-d array (N, C, H, W), got 3-d",
  });
  assert.throws(() => im2col(zeros([1, 1, 4, 4]), 2, [1, 0]), {
    name: "RangeError",
    message: "Cannot use [1,0] as the stride: Im2col expects positive integers",
  });
  assert.throws(() => new Im2col([2, 2, 2] as never), {
    name: "TypeError",
    message:
      "Cannot use array of length 3 as the kernel size: Im2col expects an integer or a pair of integers",
  });
  assert.throws(() => im2col(zeros([1, 1, 4, 4]), 2, 1, 0, "yes" as never), {
    name: "TypeError",
    message: 'Cannot use string "yes" as toMatrix: Im2col expects a boolean',
  });
  assert.throws(() => col2im(zeros([8, 4]), [1, 1, 4, 4], 2), {
    name: "TypeError",
    message:
      "Cannot apply Col2im to shape [8,4]: an image of shape [1,1,4,4] needs patches of shape [9,4]",
  });
  assert.throws(() => col2im(zeros([9, 4]), [1, 4, 4], 2), {
    name: "TypeError",
    message:
      "Cannot apply Col2im to an image of shape [1,4,4]: expected a 4-d array (N, C, H, W), got 3-d",
  });
});
