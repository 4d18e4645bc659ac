// pow(): values as NumPy's np.power on float64, and derivatives of every
// order that are exact where the mathematics is finite.

import assert from "node:assert/strict";
import { array, pow, square, sub, toNested, Variable } from "../mod.ts";
import { assertAllClose, gradientCheck } from "../testing/mod.ts";
import powEdgeCases from "./testdata/pow_edge_cases.json" with {
  type: "json",
};

/**
 * The first `n` derivatives of f at x0, by repeated createGraph backward. A
 * derivative with no path back to x leaves x.grad null, which is 0.
 */
function derivatives(
  f: (x: Variable) => Variable,
  x0: number,
  n: number,
): number[] {
  const x = new Variable(array(x0));
  let y: Variable | null = f(x);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    x.clearGrad();
    y?.backward({ createGraph: true });
    y = x.grad;
    out.push(y === null ? 0 : y.data.get());
  }
  return out;
}

Deno.test("pow() has derivative 0 for the exponent 0, also at x = 0", () => {
  const x = new Variable(array([0, -1, 2, Infinity]));
  pow(x, 0).backward();
  assert.deepEqual(toNested(x.grad!.data), [0, 0, 0, 0]);
  assert.deepEqual(derivatives((x) => pow(x, 0), 0, 3), [0, 0, 0]);
});

Deno.test("pow() gives exact derivatives of every order of x², x³ and x⁴ - 2x² at 0", () => {
  // By hand: (x²)' = 2x, '' = 2, then 0; (x³)' = 3x², '' = 6x, ''' = 6;
  // (x⁴ - 2x²)' = 4x³ - 4x, '' = 12x² - 4, ''' = 24x, '''' = 24, then 0.
  assert.deepEqual(derivatives((x) => pow(x, 2), 0, 5), [0, 2, 0, 0, 0]);
  assert.deepEqual(derivatives((x) => pow(x, 3), 0, 5), [0, 0, 6, 0, 0]);
  const quartic = (x: Variable) => sub(pow(x, 4), square(x).mul(2));
  assert.deepEqual(derivatives(quartic, 0, 5), [0, -4, 0, 24, 0]);
});

Deno.test("pow() gives the hand-derived derivatives of x⁴ - 2x² away from 0", () => {
  const quartic = (x: Variable) => sub(pow(x, 4), pow(x, 2).mul(2));
  const x = 1.5;
  const expected = [
    4 * x ** 3 - 4 * x,
    12 * x ** 2 - 4,
    24 * x,
    24,
    0,
  ];
  assertAllClose(array(derivatives(quartic, x, 5)), expected, { rtol: 1e-14 });
});

Deno.test("pow() passes first and second order gradient checks, at 0 too", () => {
  const at = array([-1.5, 0, 0.5, 2]);
  for (const c of [0, 1, 2, 3, 4, -1]) {
    const x = c < 0 ? array([-1.5, 0.5, 2]) : at;
    gradientCheck((x) => pow(x, c), x, { order: 2 });
  }
  gradientCheck((x) => pow(x, 2.5), array([0.5, 1, 4]), { order: 2 });
});

// NumPy's np.power for float64 on IEEE edge cases, written by
// testdata/make_pow_edge_cases.py (values JSON lacks are strings).
const fixture = powEdgeCases as unknown as {
  cases: [number | string, number | string, number | string][];
};

function decode(value: number | string): number {
  switch (value) {
    case "nan":
      return NaN;
    case "inf":
      return Infinity;
    case "-inf":
      return -Infinity;
    case "-0":
      return -0;
  }
  return value as number;
}

Deno.test("pow() matches NumPy's np.power on a table of edge cases", () => {
  assert.ok(fixture.cases.length > 100);
  for (const [b, c, r] of fixture.cases) {
    const base = decode(b);
    const exponent = decode(c);
    const expected = decode(r);
    const got = pow(new Variable(array([base])), exponent).data.get(0);
    const label = `pow(${b}, ${c}): NumPy ${r}, got ${got}`;
    if (Number.isFinite(expected) && expected !== 0) {
      // Fractional powers may differ in the last bit between C's libm and V8.
      assert.ok(Math.abs(got - expected) <= 4e-16 * Math.abs(expected), label);
    } else {
      assert.ok(Object.is(got, expected), label);
    }
  }
});

Deno.test("pow() gives 1 where JavaScript's ** gives NaN, as NumPy does", () => {
  const one = new Variable(array([1, 1, 1]));
  assert.deepEqual(toNested(pow(one, NaN).data), [1, 1, 1]);
  assert.deepEqual(toNested(pow(one, -Infinity).data), [1, 1, 1]);
  const minusOne = new Variable(array([-1, -1]));
  assert.deepEqual(toNested(pow(minusOne, Infinity).data), [1, 1]);
  assert.deepEqual(toNested(pow(minusOne, -Infinity).data), [1, 1]);
  // By C99 and NumPy: other bases keep IEEE's rules.
  const others = new Variable(array([0.5, 2, -2, NaN]));
  assert.deepEqual(toNested(pow(others, Infinity).data), [
    0,
    Infinity,
    Infinity,
    NaN,
  ]);
  assert.deepEqual(toNested(pow(others, NaN).data), [NaN, NaN, NaN, NaN]);
  assert.deepEqual(toNested(pow(minusOne, NaN).data), [NaN, NaN]);
});

Deno.test("pow() on hand-picked values: 0⁰ = 1, 0⁻¹ = ∞, (-8)^⅓ = NaN, (-2)³ = -8", () => {
  const x = new Variable(array([0, -0, -8, -2]));
  assert.deepEqual(toNested(pow(x, 0).data), [1, 1, 1, 1]);
  assert.deepEqual(toNested(pow(x, -1).data), [
    Infinity,
    -Infinity,
    -0.125,
    -0.5,
  ]);
  const third = toNested(pow(x, 1 / 3).data) as number[];
  assert.ok(Object.is(third[1], 0) && Number.isNaN(third[2]));
  assert.deepEqual(toNested(pow(x, 3).data), [0, -0, -512, -8]);
});
