// The functional gradient: results from hand derivations; nothing of the
// caller's is written.

import assert from "node:assert/strict";
import {
  add,
  array,
  grad,
  matmul,
  mul,
  pow,
  sin,
  square,
  sum,
  tanh,
  toNested,
  Variable,
} from "../mod.ts";
import { assertAllClose } from "../testing/mod.ts";

Deno.test("grad() returns d(x·w)/dx and /dw and writes no .grad", () => {
  const x = new Variable(array(3));
  const w = new Variable(array(-2));
  const y = mul(x, w);
  const [gx, gw] = grad(y, [x, w]);
  assert.equal(gx?.item(), -2);
  assert.equal(gw?.item(), 3);
  assert.equal(x.grad, null);
  assert.equal(w.grad, null);
  assert.equal(y.grad, null);
});

Deno.test("grad() of tanh(x·W) leaves a captured W.grad untouched", () => {
  const W = new Variable(array([[0.5], [2]]));
  const x = new Variable(array([[0.1, -0.2], [0.3, 0.4]]));
  const y = sum(tanh(matmul(x, W)));
  const [gx] = grad(y, [x]);
  // d/dx_ij Σ tanh(x·W) = (1 - tanh²(x_i·W)) · W_j
  const rows = [0.1 * 0.5 - 0.2 * 2, 0.3 * 0.5 + 0.4 * 2];
  const expected = rows.map((r) =>
    [0.5, 2].map((w) => (1 - Math.tanh(r) ** 2) * w)
  );
  assertAllClose(gx!.data, array(expected), { rtol: 1e-14 });
  assert.equal(W.grad, null);
});

Deno.test("grad() with respect to an intermediate variable", () => {
  const x = new Variable(array(2));
  const h = square(x);
  const y = sin(h);
  const [gh, gx] = grad(y, [h, x]);
  assert.equal(gh?.item(), Math.cos(4));
  assert.equal(gx?.item(), Math.cos(4) * 4);
});

Deno.test("grad() with createGraph gives gradients that differentiate again", () => {
  const x = new Variable(array(2));
  const y = add(pow(x, 4), mul(pow(x, 2), -2)); // f' = 4x³ - 4x, f'' = 12x² - 4
  const [g1] = grad(y, [x], { createGraph: true });
  assert.equal(g1?.item(), 24);
  const [g2] = grad(g1!, [x], { createGraph: true });
  assert.equal(g2?.item(), 44);
  const [g3] = grad(g2!, [x]);
  assert.equal(g3?.item(), 48); // f''' = 24x
  assert.equal(x.grad, null);
});

Deno.test("grad() sums several outputs, weighted by gradOutputs", () => {
  const x = new Variable(array([1, 2]));
  const a = square(x);
  const b = mul(x, 3);
  const [gx] = grad([a, b], [x], { gradOutputs: [array([1, 10]), 2] });
  // 1·2x + 2·3 for element 0; 10·2x + 2·3 for element 1
  assert.deepEqual(toNested(gx!.data), [2 + 6, 40 + 6]);
});

Deno.test("grad() refuses an unused input unless allowUnused", () => {
  const x = new Variable(array(1));
  const z = new Variable(array(1), "z");
  const y = square(x);
  assert.throws(
    () => grad(y, [x, z]),
    (e: Error) => e instanceof RangeError && /"z"/.test(e.message),
  );
  const [gx, gz] = grad(y, [x, z], { allowUnused: true });
  assert.equal(gx?.item(), 2);
  assert.equal(gz, null);
});

Deno.test("grad() names what is wrong with its arguments", () => {
  const x = new Variable(array([1, 2]));
  const y = square(x);
  // deno-lint-ignore no-explicit-any
  const g = grad as any;
  assert.throws(
    () => g(y, [1]),
    /inputs\[0\] in grad\(\): expected a Variable/,
  );
  assert.throws(
    () => g(y, x, { gradOutputs: [array([1, 2, 3])] }),
    /shape \[3\].*\[2\]/,
  );
  assert.throws(
    () => g(y, x, { gradOutputs: array([1, 2]) }),
    /expected an array of 1/,
  );
  assert.throws(() => g([], x), /no outputs/);
});
