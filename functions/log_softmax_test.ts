import { array, logSoftmax, Variable } from "../mod.ts";
import { assertAllClose, gradientCheck } from "../testing/mod.ts";
import { checkFixture, fixtureCases } from "./testdata/_fixtures.ts";

Deno.test("logSoftmax() matches PyTorch's log_softmax, gradients and second derivatives", () => {
  for (const c of fixtureCases("logSoftmax")) {
    checkFixture(c, (x) => logSoftmax(x, c.params.axis as number));
  }
});

Deno.test("logSoftmax() of ±1000 is x minus the exact log-sum-exp", () => {
  const x = new Variable(array([[1000, -1000, 0], [-1000, -1000, -1000]]));
  const y = logSoftmax(x);
  assertAllClose(y, [[0, -2000, -1000], [
    -Math.log(3),
    -Math.log(3),
    -Math.log(3),
  ]], {
    rtol: 1e-15,
  });
  y.backward();
  // gx = gy - softmax(x)·sum(gy) with gy = 1: 1 - 3·softmax.
  assertAllClose(x.grad!, [[-2, 1, 1], [0, 0, 0]], { atol: 1e-15 });
});

Deno.test("logSoftmax() passes first- and second-order gradient checks", () => {
  const x = array([[0.5, -1, 2], [0.1, 0.2, -0.3]]);
  gradientCheck((v) => logSoftmax(v), x);
  gradientCheck((v) => logSoftmax(v), x, { order: 2 });
  gradientCheck((v) => logSoftmax(v, 0), x, { order: 2 });
});
