import assert from "node:assert/strict";
import { array, relu, toNested, Variable } from "../mod.ts";
import { gradientCheck } from "../testing/mod.ts";

Deno.test("relu() keeps positive values and zeroes the others", () => {
  const y = relu(new Variable(array([[-3, -0.5, 0], [0.25, 2, 1e300]])));
  assert.deepEqual(toNested(y.data), [[0, 0, 0], [0.25, 2, 1e300]]);
  assert.ok(Number.isNaN(relu(array(NaN)).data.get()));
});

Deno.test("relu() passes the gradient where x > 0 and nothing elsewhere, 0 at the kink", () => {
  const x = new Variable(array([-1, 0, 1, 3]));
  relu(x).backward();
  assert.deepEqual(toNested(x.grad!.data), [0, 0, 1, 1]);
});

Deno.test("relu() passes first- and second-order gradient checks away from 0", () => {
  const point = array([[0.5, -1, 2], [-0.25, 3, -4]]);
  gradientCheck(relu, point);
  gradientCheck(relu, point.transpose(1, 0));
  // relu'' is 0 away from the kink; through a square the second derivative
  // is 2 where x > 0, which the check compares to differences.
  gradientCheck((x: Variable) => relu(x).square(), point, { order: 2 });
  gradientCheck(relu, point, { order: 2 });
});

Deno.test("relu() is reported as a kink at 0 by the gradient check", () => {
  assert.throws(
    () => gradientCheck(relu, array([0, 1])),
    /kink|differentiable/i,
  );
  gradientCheck(relu, array([0, 1]), { kinks: "skip" });
});
