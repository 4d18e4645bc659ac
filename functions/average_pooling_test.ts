import assert from "node:assert/strict";
import { averagePooling, mul, transpose, Variable, zeros } from "../mod.ts";
import { assertAllClose, gradientCheck } from "../testing/mod.ts";
import { checkConvFixture, convCases } from "./testdata/_conv_fixtures.ts";
import { directPooling, randomArray } from "./testdata/_conv_reference.ts";

type P = number | [number, number];
const configs: { x: number[]; kernel: P; stride: P; pad: P }[] = [
  { x: [2, 2, 4, 4], kernel: 2, stride: 2, pad: 0 },
  { x: [1, 2, 5, 5], kernel: 3, stride: 1, pad: 1 },
  { x: [1, 1, 5, 7], kernel: [2, 3], stride: [2, 1], pad: [1, 1] },
  { x: [2, 1, 6, 5], kernel: [3, 2], stride: 2, pad: [2, 0] },
];

Deno.test("averagePooling() matches a nested-loop mean over each window, padding counted as zeros", () => {
  configs.forEach(({ x, kernel, stride, pad }, k) => {
    const xs = randomArray(x, 800 + k);
    assertAllClose(
      averagePooling(xs, kernel, stride, pad),
      directPooling(xs, kernel as never, stride as never, pad as never, "mean"),
      { rtol: 1e-14, atol: 1e-15 },
    );
  });
  const x = transpose(new Variable(randomArray([5, 4, 2, 1], 9)), [3, 2, 1, 0]);
  assertAllClose(
    averagePooling(x, 2, 1, 1),
    directPooling(x.data, 2, 1, 1, "mean"),
    { rtol: 1e-14, atol: 1e-15 },
  );
});

Deno.test("averagePooling() agrees with PyTorch's avg_pool2d: output, gradients and double backward", () => {
  for (const c of convCases("averagePooling")) {
    const { kernel, stride, pad } = c.params;
    checkConvFixture(c, (x) => averagePooling(x, kernel!, stride, pad));
  }
});

Deno.test("averagePooling() passes first- and second-order gradient checks", () => {
  configs.forEach(({ x, kernel, stride, pad }, k) => {
    const f = (x: Variable) => averagePooling(x, kernel, stride, pad);
    const xs = randomArray([1, 1, x[2], x[3]], 820 + k);
    gradientCheck(f, [xs]);
    gradientCheck((x: Variable) => mul(f(x), f(x)), [xs], { order: 2 });
  });
});

Deno.test("averagePooling() rejects bad windows and shapes, naming AveragePooling", () => {
  assert.throws(() => averagePooling(zeros([1, 1, 2, 2]), [1, 4]), {
    name: "RangeError",
    message:
      "Cannot apply AveragePooling to shape [1,1,2,2]: the kernel's width 4 is larger than the padded input's 2",
  });
  assert.throws(() => averagePooling(zeros([1, 1, 4, 4]), 2, -1), RangeError);
  assert.throws(() => averagePooling(zeros([1, 4, 4]), 2), TypeError);
});
