import assert from "node:assert/strict";
import { array, linear, toNested, Variable } from "../mod.ts";
import { assertAllClose, gradientCheck } from "../testing/mod.ts";

const x = array([[0.5, -1, 2], [1.5, 0.25, -0.75]]);
const W = array([[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6]]);
const b = array([0.05, -0.1]);

/** y[n][o] = Σᵢ x[n][i] W[i][o] + b[o], by plain loops. */
function reference(
  xs: number[][],
  ws: number[][],
  bs: number[] | null,
): number[][] {
  return xs.map((row) =>
    ws[0].map((_, o) =>
      row.reduce((total, value, i) => total + value * ws[i][o], 0) +
      (bs === null ? 0 : bs[o])
    )
  );
}

Deno.test("linear() equals x · W + b computed by plain loops", () => {
  const y = linear(new Variable(x), new Variable(W), new Variable(b));
  const expected = reference(
    toNested(x) as number[][],
    toNested(W) as number[][],
    toNested(b) as number[],
  );
  assertAllClose(y, expected, { rtol: 1e-15 });
  const noBias = linear(x, W);
  assertAllClose(
    noBias,
    reference(toNested(x) as number[][], toNested(W) as number[][], null),
    { rtol: 1e-15 },
  );
  assertAllClose(linear(x, W, null), noBias, { rtol: 0 });
});

Deno.test("linear() gives DeZero's gradients: gy·Wᵀ, xᵀ·gy, gy summed over rows", () => {
  const xv = new Variable(x);
  const Wv = new Variable(W);
  const bv = new Variable(b);
  linear(xv, Wv, bv).backward();
  // With an all-ones upstream gradient: gx[n][i] = Σₒ W[i][o],
  // gW[i][o] = Σₙ x[n][i], gb[o] = N.
  const ws = toNested(W) as number[][];
  const xs = toNested(x) as number[][];
  assertAllClose(xv.grad!, xs.map(() => ws.map((row) => row[0] + row[1])), {
    rtol: 1e-15,
  });
  assertAllClose(
    Wv.grad!,
    ws.map((_, i) => [xs[0][i] + xs[1][i], xs[0][i] + xs[1][i]]),
    { rtol: 1e-15 },
  );
  assert.deepEqual(toNested(bv.grad!.data), [2, 2]);
});

Deno.test("linear() passes first- and second-order gradient checks, with and without bias", () => {
  gradientCheck(linear, [x, W, b]);
  gradientCheck(linear, [x, W]);
  gradientCheck(linear, [
    x.transpose(1, 0).transpose(1, 0),
    W.transpose(1, 0).transpose(1, 0),
    b,
  ]);
  gradientCheck(
    (a: Variable, w: Variable, c: Variable) => linear(a, w, c).square(),
    [x, W, b],
    {
      order: 2,
    },
  );
  gradientCheck((a: Variable, w: Variable) => linear(a, w).square(), [x, W], {
    order: 2,
  });
});

Deno.test("linear() accepts a bias of shape [1, O] and a strided weight", () => {
  const Wt = array([[0.1, 0.3, -0.5], [-0.2, 0.4, 0.6]]).transpose(1, 0);
  const y = linear(x, Wt, array([[0.05, -0.1]]));
  assertAllClose(y, linear(x, W, b), { rtol: 1e-15 });
  gradientCheck(linear, [x, Wt, array([[0.05, -0.1]])]);
});

Deno.test("linear() names the shapes when they do not fit", () => {
  assert.throws(
    () => linear(x, array([[1, 2]])),
    (error: Error) =>
      error instanceof TypeError && /\[2,3\] and \[1,2\]/.test(error.message) &&
      error.message.includes("Linear"),
  );
  assert.throws(
    () => linear(x, W, array([1, 2, 3])),
    (error: Error) =>
      error instanceof TypeError && error.message.includes("Linear"),
  );
  assert.throws(
    () => linear(x, W, array([[[1, 2]]])),
    /Cannot add a bias of shape \[1,1,2\] in Linear: it must broadcast to the product's shape \[2,2\]/,
  );
});
