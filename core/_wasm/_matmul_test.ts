import assert from "node:assert/strict";
import { contiguousStrides, type Float64NdArray, view } from "../_ndarray.ts";
import { matmulArray } from "../_tensor.ts";
import { type KernelMode, useKernels } from "./_instance.ts";

/** Uniform values in [-1, 1) from a fixed seed (mulberry32). */
function random(shape: number[], seed: number): Float64NdArray {
  let state = seed >>> 0;
  const size = shape.reduce((x, y) => x * y, 1);
  const data = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    data[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  }
  return view(data, shape, contiguousStrides(shape), 0);
}

/**
 * Check `c` against the textbook triple loop: each element within 1e-12 of
 * the sum of |a_ip b_pj| (the scale rounding errors are relative to), NaN
 * where the loop gives NaN.
 */
function assertProduct(
  c: Float64NdArray,
  a: Float64NdArray,
  b: Float64NdArray,
  label: string,
): void {
  const [m, k] = a.shape;
  const n = b.shape[1];
  assert.deepEqual([...c.shape], [m, n], label);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      let scale = 0;
      for (let p = 0; p < k; p++) {
        sum += a.get(i, p) * b.get(p, j);
        scale += Math.abs(a.get(i, p) * b.get(p, j));
      }
      const got = c.get(i, j);
      if (Number.isNaN(sum)) {
        assert.ok(Number.isNaN(got), `${label}: (${i}, ${j}) is ${got}`);
      } else if (!Number.isFinite(sum)) {
        assert.equal(got, sum, `${label}: (${i}, ${j})`);
      } else {
        assert.ok(
          Math.abs(got - sum) <= 1e-12 * scale,
          `${label}: (${i}, ${j}) is ${got}, expected ${sum}`,
        );
      }
    }
  }
}

const MODES: KernelMode[] = ["relaxed-simd", "simd", "typescript"];

function eachMode(check: (mode: KernelMode) => void): void {
  try {
    for (const mode of MODES) {
      useKernels(mode);
      check(mode);
    }
  } finally {
    useKernels("auto");
  }
}

// Shapes around the 4 x 4 tile, the block sizes and the TypeScript threshold.
const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [1, 7, 1],
  [1, 37, 53],
  [53, 37, 1],
  [5, 3, 7],
  [4, 4, 4],
  [16, 16, 16],
  [17, 31, 19],
  [33, 70, 65],
  [131, 9, 6],
  [6, 260, 5],
  [7, 300, 1030],
];

Deno.test("matmul kernels agree with the plain loop on every shape", () => {
  eachMode((mode) => {
    for (const [m, k, n] of SHAPES) {
      const a = random([m, k], m * 1000 + k);
      const b = random([k, n], k * 1000 + n);
      assertProduct(matmulArray("Test", a, b), a, b, `${mode} ${m}x${k}x${n}`);
    }
  });
});

Deno.test("matmul kernels read transposed, offset and broadcast operands", () => {
  eachMode((mode) => {
    const a = random([40, 30], 1).transpose(1, 0); // 30 x 40, column-major
    const b = random([50, 40], 2).transpose(1, 0); // 40 x 50
    assertProduct(matmulArray("Test", a, b), a, b, `${mode} transposed`);
    const big = random([60, 70], 3);
    const slice = big.hi(50, 61).lo(3, 5); // 47 x 56 at an offset
    const right = random([56, 9], 4);
    assertProduct(
      matmulArray("Test", slice, right),
      slice,
      right,
      `${mode} offset slice`,
    );
    const row = random([1, 40], 5);
    const broadcast = view(row.data, [25, 40], [0, 1], 0); // every row alike
    const column = view(random([40], 6).data, [40, 20], [1, 0], 0);
    assertProduct(
      matmulArray("Test", broadcast, column),
      broadcast,
      column,
      `${mode} broadcast`,
    );
    const reversed = random([30, 30], 7).step(-1, -1);
    assertProduct(
      matmulArray("Test", reversed, reversed),
      reversed,
      reversed,
      `${mode} negative strides`,
    );
  });
});

Deno.test("matmul kernels give empty results for empty operands", () => {
  eachMode((mode) => {
    for (const [m, k, n] of [[0, 5, 5], [5, 0, 5], [5, 5, 0], [0, 0, 0]]) {
      const c = matmulArray("Test", random([m, k], 1), random([k, n], 2));
      assert.deepEqual([...c.shape], [m, n], mode);
      for (let i = 0; i < m * n; i++) assert.equal(c.data[c.offset + i], 0);
    }
  });
});

Deno.test("matmul kernels propagate NaN and infinities like the plain loop", () => {
  eachMode((mode) => {
    const a = random([9, 10], 1);
    const b = random([10, 11], 2);
    a.set(2, 3, NaN);
    a.set(5, 0, Infinity);
    b.set(4, 6, -Infinity);
    b.set(7, 10, 0);
    a.set(8, 7, Infinity);
    assertProduct(matmulArray("Test", a, b), a, b, `${mode} non-finite`);
  });
});

Deno.test("matmul kernels leave their operands unchanged", () => {
  eachMode((mode) => {
    const a = random([20, 30], 1);
    const b = random([30, 10], 2);
    const aBefore = a.data.slice();
    const bBefore = b.data.slice();
    matmulArray("Test", a, b);
    assert.deepEqual(a.data, aBefore, mode);
    assert.deepEqual(b.data, bBefore, mode);
  });
});
