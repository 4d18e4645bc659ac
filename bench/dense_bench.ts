// Dense work on the WebAssembly SIMD kernels against the TypeScript paths
// they replace, in one run: matmul forward + backward, elementwise functions
// over 1e6 elements, and the book's chain at 1e6 and 1e7. Each "typescript"
// row forces the old path (`useKernels("typescript")`), and each matmul
// "1 thread" row turns the helper threads off (`setNumThreads(1)`), so ratios
// within a group compare like with like on the same machine at the same
// moment.
// Run with `deno bench bench/dense_bench.ts`; NumPy and PyTorch figures for
// the same workloads come from `bench/numpy_dense.py`.

import { useKernels } from "../core/_wasm/_instance.ts";
import {
  contiguousStrides,
  type Float64NdArray,
  view,
} from "../core/_ndarray.ts";
import {
  cos,
  exp,
  full,
  getNumThreads,
  log,
  matmul,
  setNumThreads,
  sin,
  square,
  tanh,
  Variable,
} from "../mod.ts";

type Path = "wasm" | "wasm, 1 thread" | "typescript";
const PATHS: Path[] = ["wasm", "typescript"];
const MATMUL_PATHS: Path[] = ["wasm", "wasm, 1 thread", "typescript"];
const THREADS = getNumThreads();

/** Run `body` with the kernels of `path`, then return to automatic choice. */
function on(path: Path, body: () => void): () => void {
  return () => {
    useKernels(path === "typescript" ? "typescript" : "auto");
    setNumThreads(path === "wasm" ? THREADS : 1);
    try {
      body();
    } finally {
      useKernels("auto");
      setNumThreads(THREADS);
    }
  };
}

/** Uniform values in [lo, hi) from a fixed seed (mulberry32). */
function random(
  shape: number[],
  seed: number,
  lo = -1,
  hi = 1,
): Float64NdArray {
  let state = seed >>> 0;
  const size = shape.reduce((x, y) => x * y, 1);
  const data = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    data[i] = lo + (hi - lo) * (((t ^ (t >>> 14)) >>> 0) / 4294967296);
  }
  return view(data, shape, contiguousStrides(shape), 0);
}

for (const n of [256, 1024]) {
  const x = new Variable(random([n, n], 1));
  const w = new Variable(random([n, n], 2));
  const slow = n === 1024 ? { n: 5, warmup: 1 } : {};
  for (const path of MATMUL_PATHS) {
    const label = path === "wasm" ? `wasm, ${THREADS} threads` : path;
    Deno.bench(
      `matmul ${n}: forward, ${label}`,
      {
        group: `matmul ${n} forward`,
        baseline: path === "typescript",
        ...slow,
      },
      on(path, () => {
        matmul(x, w);
      }),
    );
    Deno.bench(
      `matmul ${n}: forward + backward, ${label}`,
      {
        group: `matmul ${n} forward + backward`,
        baseline: path === "typescript",
        ...slow,
      },
      on(path, () => {
        x.grad = null;
        w.grad = null;
        matmul(x, w).backward();
      }),
    );
  }
}

const MILLION = 1_000_000;
const elementwise = [
  { name: "exp", f: exp, input: new Variable(random([MILLION], 3, -5, 5)) },
  { name: "log", f: log, input: new Variable(random([MILLION], 4, 0.01, 10)) },
  { name: "tanh", f: tanh, input: new Variable(random([MILLION], 5, -3, 3)) },
  { name: "sin", f: sin, input: new Variable(random([MILLION], 6, -10, 10)) },
  { name: "cos", f: cos, input: new Variable(random([MILLION], 7, -10, 10)) },
];
for (const { name, f, input } of elementwise) {
  for (const path of PATHS) {
    Deno.bench(
      `${name} 1e6: forward, ${path}`,
      {
        group: `${name} 1e6`,
        baseline: path === "typescript",
      },
      on(path, () => {
        f(input);
      }),
    );
  }
}

for (
  const [label, size] of [["1e6", MILLION], ["1e7", 10 * MILLION]] as const
) {
  const x = new Variable(full([size], 0.5));
  for (const path of PATHS) {
    Deno.bench(
      `square(exp(square(x))) ${label}: forward + backward, ${path}`,
      {
        group: `chain ${label}`,
        baseline: path === "typescript",
        ...(size > MILLION ? { n: 10, warmup: 2 } : {}),
      },
      on(path, () => {
        x.grad = null;
        square(exp(square(x))).backward();
      }),
    );
  }
}
