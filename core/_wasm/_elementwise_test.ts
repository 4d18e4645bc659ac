import assert from "node:assert/strict";
import { mapWasm } from "./_elementwise.ts";
import { type ElementwiseName, useKernels } from "./_instance.ts";

const bits = new BigInt64Array(1);
const float = new Float64Array(bits.buffer);

/** Position of `x` on a line through all doubles, so ulps are differences. */
function ordinal(x: number): bigint {
  float[0] = x;
  const b = bits[0];
  return b < 0n ? -(b & 0x7fffffffffffffffn) : b;
}

/** Distance in ulps; NaN to NaN is 0, NaN to anything else infinite. */
function ulps(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) {
    return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  }
  if (a === 0 && b === 0) return Object.is(a, b) ? 0 : Infinity;
  const d = ordinal(a) - ordinal(b);
  return Number(d < 0n ? -d : d);
}

// The kernels that mirror one Math function (sigmoid is tested below).
type MathName = Exclude<ElementwiseName, "sigmoid">;

const MATH: Record<MathName, (x: number) => number> = {
  exp: Math.exp,
  log: Math.log,
  tanh: Math.tanh,
  sin: Math.sin,
  cos: Math.cos,
};

// Dense sweeps: the whole useful range, and the core where most values live.
const SWEEPS: Record<MathName, [number, number][]> = {
  exp: [[-746, 710], [-2, 2]],
  log: [[0, 2], [0.5, 1.5], [0, 1e300]],
  tanh: [[-25, 25], [-1, 1], [-0.6, 0.6]],
  sin: [[-1e6, 1e6], [-10, 10], [-1e-3, 1e-3]],
  cos: [[-1e6, 1e6], [-10, 10], [-1e-3, 1e-3]],
};

const SHARED_EDGES = [
  0,
  -0,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  2.2250738585072014e-308,
  -2.2250738585072014e-308,
  2.225073858507201e-308, // largest subnormal
  1e-310,
  -1e-310,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Infinity,
  -Infinity,
  NaN,
  1,
  -1,
];

const EDGES: Record<MathName, number[]> = {
  exp: [
    709.782712893384, // largest finite result
    709.7827128933841,
    -745.1332191019411, // smallest subnormal result
    -745.1332191019412,
    -708.3964185322641, // smallest normal result
    -708.4,
    707,
    707.0000000000001,
    -707,
    -707.0000000000001,
    1e-20,
  ],
  log: [0.5, 2, 1 + 2 ** -52, 1 - 2 ** -53, Math.SQRT2, Math.SQRT1_2, -5],
  tanh: [0.55, 0.5499999999999999, 22, 21.999999999999996, 19.06, 1e-300],
  sin: [
    Math.PI,
    Math.PI / 2,
    Math.PI / 4,
    823549.6,
    823549.6000000001,
    1e22,
    1e300,
    2 ** 19 * Math.PI / 2,
    355,
    103993,
  ],
  cos: [
    Math.PI,
    Math.PI / 2,
    Math.PI / 4,
    823549.6,
    823549.6000000001,
    1e22,
    1e300,
    0.3,
    0.78125,
    0.2999999,
  ],
};

/** Run `name` on `x` with the given kernels and return the result. */
function run(name: ElementwiseName, x: Float64Array): Float64Array {
  const y = new Float64Array(x.length);
  assert.ok(mapWasm(name, x, 0, y, 0, x.length), `${name} ran`);
  return y;
}

function check(name: MathName, x: Float64Array, label: string): void {
  const y = run(name, x);
  for (let i = 0; i < x.length; i++) {
    const expected = MATH[name](x[i]);
    const distance = ulps(y[i], expected);
    if (distance > 2) {
      assert.fail(
        `${label}: ${name}(${x[i]}) is ${
          y[i]
        }, Math.${name} gives ${expected} (${distance} ulps)`,
      );
    }
  }
}

function eachSimd(test: (mode: string) => void): void {
  try {
    for (const mode of ["relaxed-simd", "simd"] as const) {
      useKernels(mode);
      test(mode);
    }
  } finally {
    useKernels("auto");
  }
}

for (const name of Object.keys(MATH) as MathName[]) {
  Deno.test(`${name} kernels stay within 2 ulps of Math.${name} over a dense sweep`, () => {
    eachSimd((mode) => {
      for (const [lo, hi] of SWEEPS[name]) {
        const n = 100_001;
        const x = new Float64Array(n);
        for (let i = 0; i < n; i++) x[i] = lo + (hi - lo) * (i / (n - 1));
        check(name, x, `${mode} [${lo}, ${hi}]`);
      }
    });
  });

  Deno.test(`${name} kernels match Math.${name} on edge cases in every lane`, () => {
    eachSimd((mode) => {
      const edges = [...SHARED_EDGES, ...EDGES[name]];
      // Each edge value in the first lane, the second lane (next to a
      // harmless value) and as the odd last element.
      for (const edge of edges) {
        check(name, new Float64Array([edge, 0.5]), `${mode} lane 0`);
        check(name, new Float64Array([0.5, edge]), `${mode} lane 1`);
        check(name, new Float64Array([0.25, 0.5, edge]), `${mode} tail`);
        check(name, new Float64Array([edge, edge]), `${mode} both lanes`);
      }
      check(name, new Float64Array(edges), `${mode} all edges`);
    });
  });
}

Deno.test("the sigmoid kernel is the TypeScript formula within 3 · 2^-53", () => {
  // tanh(x/2)/2 + 1/2 with tanh within 2 ulps: at most 2^-53 from the
  // tanh, one rounding of the sum, and exact where tanh saturates.
  const formula = (v: number) => Math.tanh(v * 0.5) * 0.5 + 0.5;
  eachSimd((mode) => {
    const n = 100_001;
    for (const [lo, hi] of [[-80, 80], [-2, 2], [-1.2, 1.2]]) {
      const x = new Float64Array(n).map((_, i) => lo + (hi - lo) * i / (n - 1));
      const y = run("sigmoid", x);
      for (let i = 0; i < n; i++) {
        const expected = formula(x[i]);
        if (!(Math.abs(y[i] - expected) <= 3 * 2 ** -53)) {
          assert.fail(
            `${mode}: sigmoid(${x[i]}) is ${
              y[i]
            }, the formula gives ${expected}`,
          );
        }
      }
    }
    const edges = [0, -0, Infinity, -Infinity, NaN, 1000, -1000, 1e-300, 1.1];
    const y = run("sigmoid", new Float64Array(edges));
    assert.deepEqual(
      Array.from(y).slice(0, 8),
      [0.5, 0.5, 1, 0, NaN, 1, 0, 0.5],
      mode,
    );
    assert.ok(Math.abs(y[8] - formula(1.1)) <= 3 * 2 ** -53, mode);
  });
});

Deno.test("elementwise kernels write only the requested stretch", () => {
  eachSimd((mode) => {
    const x = new Float64Array(10_000).map((_, i) => i / 1000);
    const y = new Float64Array(10_010).fill(-7);
    assert.ok(mapWasm("exp", x, 3, y, 5, 9_990));
    assert.equal(y[4], -7, mode);
    assert.equal(y[9_995], -7, mode);
    for (let i = 0; i < 9_990; i++) {
      assert.ok(ulps(y[5 + i], Math.exp(x[3 + i])) <= 2, mode);
    }
  });
});

Deno.test("elementwise kernels decline when the TypeScript path is forced", () => {
  try {
    useKernels("typescript");
    const x = new Float64Array(1000);
    assert.equal(mapWasm("exp", x, 0, new Float64Array(1000), 0, 1000), false);
  } finally {
    useKernels("auto");
  }
});
