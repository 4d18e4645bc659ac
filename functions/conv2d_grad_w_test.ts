import assert from "node:assert/strict";
import { conv2d, Conv2DGradW, grad, sum, Variable, zeros } from "../mod.ts";
import { assertAllClose, gradientCheck } from "../testing/mod.ts";
import { randomArray } from "./testdata/_conv_reference.ts";

Deno.test("Conv2DGradW computes conv2d's filter gradient for the given gy", () => {
  const x = new Variable(randomArray([2, 2, 5, 4], 1));
  const W = new Variable(randomArray([3, 2, 3, 2], 2));
  const gy = randomArray([2, 3, 3, 2], 3);
  const [gW] = grad(conv2d(x, W, null, 2, [1, 0]), [W], { gradOutputs: [gy] });
  const direct = new Conv2DGradW([3, 2], 2, [1, 0]).call(x, gy);
  assertAllClose(direct, gW!, { rtol: 1e-12, atol: 1e-12 });
});

Deno.test("Conv2DGradW passes first- and second-order gradient checks in x and gy", () => {
  const f = (x: Variable, gy: Variable) =>
    new Conv2DGradW([2, 3], [1, 2], 1).call(x, gy);
  const inputs = [randomArray([1, 2, 4, 5], 4), randomArray([1, 2, 5, 3], 5)];
  gradientCheck(f, inputs);
  gradientCheck(f, inputs, { order: 2 });
});

Deno.test("Conv2DGradW's backward uses the incoming gradient, not its own output", () => {
  // gW is bilinear: d<gW, v>/dgy = conv2d(x, v). The book's version returns
  // conv2d(x, gW) instead, which this catches.
  const x = new Variable(randomArray([1, 1, 4, 4], 6));
  const gy = new Variable(randomArray([1, 2, 2, 2], 7));
  const v = randomArray([2, 1, 3, 3], 8);
  const gW = new Conv2DGradW(3).call(x, gy);
  const [, ggy] = grad(gW, [x, gy], { gradOutputs: [v] });
  assertAllClose(ggy!, conv2d(x, v), { rtol: 1e-12, atol: 1e-12 });
  assert.deepEqual(sum(gW).shape, []);
});

Deno.test("Conv2DGradW rejects a gy whose shape does not fit x, naming both shapes", () => {
  assert.throws(
    () => new Conv2DGradW(3).call(zeros([1, 1, 4, 4]), zeros([1, 2, 3, 2])),
    {
      name: "TypeError",
      message:
        "Cannot apply Conv2DGradW to x of shape [1,1,4,4] and gy of shape [1,2,3,2]: expected gy of shape [1,OC,2,2]",
    },
  );
  assert.throws(() => new Conv2DGradW(0), RangeError);
});
