import assert from "node:assert/strict";
import { array, max, toNested, Variable } from "../mod.ts";
import { gradientCheck } from "../testing/mod.ts";
import { checkFixture, fixtureCases } from "./testdata/_fixtures.ts";

Deno.test("max() matches PyTorch's amax over one axis, several and all, with keepdims", () => {
  for (const c of fixtureCases("max")) {
    checkFixture(c, (x) =>
      max(x, {
        axis: c.params.axis as number | number[] | undefined,
        keepdims: c.params.keepdims as boolean | undefined,
      }));
  }
});

Deno.test("max() gives every tied maximum the whole gradient, as DeZero", () => {
  const x = new Variable(array([[3, 1, 3], [0, 2, 1]]));
  const y = max(x, { axis: 1 });
  y.grad = array([10, 20]);
  y.backward();
  assert.deepEqual(toNested(y.data), [3, 2]);
  assert.deepEqual(toNested(x.grad!.data), [[10, 0, 10], [0, 20, 0]]);
});

Deno.test("max() passes first- and second-order gradient checks away from ties", () => {
  const x = array([[[0.3, -0.2, 1.1], [1, 0.5, -2]], [[-1, 2, 0.7], [
    0,
    0.4,
    0.9,
  ]]]);
  gradientCheck((v) => max(v), x);
  gradientCheck((v) => max(v, { axis: 1, keepdims: true }), x);
  gradientCheck((v) => max(v, { axis: [0, 2] }), x, { order: 2 });
  gradientCheck((v) => max(v, { axis: -1 }).square(), x, { order: 2 });
});

Deno.test("max() propagates NaN as NumPy and reads strided views", () => {
  assert.ok(Number.isNaN(max(array([1, NaN, 3])).data.get()));
  const x = array([[1, 5], [7, 2]]).transpose(1, 0);
  assert.deepEqual(toNested(max(x, { axis: 1 }).data), [7, 5]);
});

Deno.test("max() errors name Max, the axes and the shape", () => {
  assert.throws(() => max(array([[1, 2]]), { axis: 2 }), {
    name: "RangeError",
    message: /Max needs axes in -2\.\.1, got 2/,
  });
  assert.throws(() => max(array([[]]), { axis: 1 }), {
    name: "TypeError",
    message:
      /Cannot reduce shape \[1,0\] over axes \[1\]: Max needs at least one element/,
  });
});
