import assert from "node:assert/strict";
import { conv2d, conv2dSimple, Variable, zeros } from "../mod.ts";
import { assertAllClose, gradientCheck } from "../testing/mod.ts";
import { randomArray } from "./testdata/_conv_reference.ts";

Deno.test("conv2dSimple() and conv2d() agree on values and gradients", () => {
  const x = new Variable(randomArray([2, 3, 6, 5], 1));
  const W = new Variable(randomArray([4, 3, 3, 2], 2));
  const b = new Variable(randomArray([4], 3));
  const tight = { rtol: 1e-12, atol: 1e-12 };
  for (const [stride, pad] of [[1, 0], [2, 1], [[2, 1], [1, 2]]] as const) {
    const simple = conv2dSimple(x, W, b, stride, pad);
    const fused = conv2d(x, W, b, stride, pad);
    assertAllClose(simple, fused, tight);
    simple.backward();
    const [gx, gW, gb] = [x.grad!, W.grad!, b.grad!];
    [x, W, b].forEach((v) => v.clearGrad());
    fused.backward();
    assertAllClose(gx, x.grad!, tight);
    assertAllClose(gW, W.grad!, tight);
    assertAllClose(gb, b.grad!, tight);
    [x, W, b].forEach((v) => v.clearGrad());
  }
  gradientCheck(
    (x: Variable, W: Variable) => conv2dSimple(x, W, null, 2, 1),
    [randomArray([1, 2, 4, 3], 4), randomArray([2, 2, 2, 2], 5)],
    { order: 2 },
  );
  assert.throws(() => conv2dSimple(zeros([2, 4, 4]), zeros([1, 2, 3, 3])), {
    name: "TypeError",
    message:
      "Cannot apply conv2dSimple to x of shape [2,4,4]: expected a 4-d array (N, C, H, W), got 3-d",
  });
});
