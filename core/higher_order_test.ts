// Higher-order derivatives (book steps 27-36), against closed forms.

import assert from "node:assert/strict";
import {
  array,
  config,
  cos,
  noGrad,
  pow,
  sin,
  square,
  sub,
  tanh,
  Variable,
} from "../mod.ts";
import { assertAllClose } from "../testing/mod.ts";

/** The n-th derivative of f at x, by repeated createGraph backward. */
function nthDerivative(
  f: (x: Variable) => Variable,
  x0: number,
  n: number,
): number {
  const x = new Variable(array(x0));
  let y = f(x);
  for (let i = 0; i < n; i++) {
    x.clearGrad();
    y.backward({ createGraph: true });
    y = x.grad!;
  }
  return y.data.get();
}

Deno.test("the n-th derivatives of sin cycle through cos, -sin, -cos, sin", () => {
  const x = 0.7;
  const expected = [Math.sin(x), Math.cos(x), -Math.sin(x), -Math.cos(x)];
  for (let n = 0; n <= 8; n++) {
    assertAllClose(array(nthDerivative(sin, x, n)), expected[n % 4], {
      rtol: 1e-12,
    });
  }
});

Deno.test("the derivatives of tanh match their closed forms up to the third", () => {
  const x = 0.4;
  const t = Math.tanh(x);
  const closed = [
    t,
    1 - t * t,
    -2 * t * (1 - t * t),
    -2 * (1 - t * t) * (1 - 3 * t * t),
  ];
  for (let n = 0; n < closed.length; n++) {
    assertAllClose(array(nthDerivative(tanh, x, n)), closed[n], {
      rtol: 1e-12,
    });
  }
});

Deno.test("Newton's method with an autograd second derivative converges as in the book", () => {
  // f(x) = x⁴ - 2x² from x = 2 (step 33): x ← x - f'(x) / f''(x).
  const f = (x: Variable) => sub(pow(x, 4), mul2(square(x)));
  const x = new Variable(array(2));
  const path: number[] = [];
  for (let i = 0; i < 10; i++) {
    path.push(x.data.get());
    const y = f(x);
    x.clearGrad();
    y.backward({ createGraph: true });
    const gx = x.grad!;
    x.clearGrad();
    gx.backward();
    const gx2 = x.grad!;
    x.data = noGrad(() => sub(x, gx.div(gx2))).data;
  }
  // By hand: x₁ = 2 - 24/44 = 1.4545..., then quadratic convergence to 1.
  assertAllClose(array(path.slice(0, 2)), [2, 2 - 24 / 44], { rtol: 1e-15 });
  assertAllClose(array(path[9]), 1, { rtol: 1e-15 });
});

function mul2(v: Variable): Variable {
  return v.mul(2);
}

Deno.test("double backprop: z = (dy/dx)³ + y with y = x² gives dz/dx = 24x² + 2x", () => {
  const x = new Variable(array(2));
  const y = square(x);
  y.backward({ createGraph: true });
  const gx = x.grad!;
  x.clearGrad();
  const z = pow(gx, 3).add(y);
  z.backward();
  assert.equal(x.grad?.data.get(), 100);
});

Deno.test("without createGraph the gradient has no graph and the config is restored", () => {
  const x = new Variable(array(1));
  cos(x).backward();
  assert.equal(x.grad?.creator, null);
  assert.equal(config.enableBackprop, true);
  x.clearGrad();
  sin(x).backward({ createGraph: true });
  assert.notEqual(x.grad?.creator, null);
  assert.equal(config.enableBackprop, true);
});
