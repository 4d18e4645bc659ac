// Matrix product of random float64 matrices, the kernel behind `matmul`.
// Run with `deno bench bench/matmul_bench.ts`.

import {
  contiguousStrides,
  type Float64NdArray,
  view,
} from "../core/_ndarray.ts";
import { matmulArray } from "../core/_tensor.ts";

/** A square matrix of uniform values in [-1, 1) from a fixed seed. */
function randomMatrix(n: number, seed: number): Float64NdArray {
  let state = seed >>> 0;
  const data = new Float64Array(n * n);
  for (let i = 0; i < data.length; i++) {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    data[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  }
  return view(data, [n, n], contiguousStrides([n, n]), 0);
}

const a256 = randomMatrix(256, 1);
const b256 = randomMatrix(256, 2);
const a1024 = randomMatrix(1024, 3);
const b1024 = randomMatrix(1024, 4);

Deno.bench("matmul 256x256 @ 256x256", () => {
  matmulArray("Matmul", a256, b256);
});

Deno.bench("matmul 256x256 @ (256x256)ᵀ, a strided operand", () => {
  matmulArray("Matmul", a256, b256.transpose(1, 0));
});

Deno.bench("matmul 1024x1024 @ 1024x1024", { n: 3, warmup: 1 }, () => {
  matmulArray("Matmul", a1024, b1024);
});
