import assert from "node:assert/strict";
import { contiguousStrides, type Float64NdArray, view } from "../_ndarray.ts";
import { matmulArray } from "../_tensor.ts";
import { kernels, useKernels } from "./_instance.ts";
import {
  finish,
  helperJobs,
  post,
  readyHelpers,
  setThreadCount,
  threadCount,
} from "./_threads.ts";
import { getNumThreads, setNumThreads } from "../threads.ts";

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

/** Wait (up to 20 s) until `count - 1` helpers are ready on the kernels. */
async function helpersReady(count: number): Promise<void> {
  const wasm = kernels();
  assert.ok(wasm !== undefined, "Deno runs the WebAssembly kernels");
  assert.ok(wasm.shared, "Deno gives the kernels shared memory");
  setThreadCount(count);
  const deadline = Date.now() + 20_000;
  while (readyHelpers(wasm).length < count - 1) {
    assert.ok(Date.now() < deadline, "the helper threads never became ready");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

// Row splits (whole 6-row tiles), a column split (too few rows to share),
// transposed and offset operands, sizes off every block boundary.
function cases(): [string, Float64NdArray, Float64NdArray][] {
  const big = random([300, 260], 9);
  return [
    ["256 square", random([256, 256], 1), random([256, 256], 2)],
    ["MNIST layer", random([100, 784], 3), random([784, 1000], 4)],
    ["odd sizes", random([131, 257], 5), random([257, 67], 6)],
    ["few rows", random([6, 500], 7), random([500, 1203], 8)],
    [
      "transposed and offset",
      random([257, 140], 10).transpose(1, 0),
      big.hi(264, 250).lo(7, 3),
    ],
  ];
}

Deno.test("matmul on several threads is bitwise the one-thread result", async () => {
  const saved = threadCount();
  try {
    for (const threads of [2, 3]) {
      await helpersReady(threads);
      for (const [label, a, b] of cases()) {
        setThreadCount(1);
        const alone = matmulArray("Test", a, b);
        setThreadCount(threads);
        const before = helperJobs();
        const shared = matmulArray("Test", a, b);
        assert.equal(
          helperJobs() - before,
          threads - 1,
          `${label}: every helper took a part`,
        );
        assert.deepEqual(
          [...shared.shape],
          [...alone.shape],
          `${label} on ${threads} threads`,
        );
        assert.deepEqual(
          shared.data,
          alone.data,
          `${label} on ${threads} threads`,
        );
      }
    }
  } finally {
    setThreadCount(saved);
  }
});

Deno.test("small products and one thread never wake a helper", async () => {
  const saved = threadCount();
  try {
    await helpersReady(2);
    const before = helperJobs();
    matmulArray("Test", random([40, 40], 1), random([40, 40], 2));
    assert.equal(helperJobs(), before, "40 x 40 x 40 stays on this thread");
    setThreadCount(1);
    matmulArray("Test", random([256, 256], 1), random([256, 256], 2));
    assert.equal(helperJobs(), before, "setThreadCount(1) uses no helper");
  } finally {
    setThreadCount(saved);
  }
});

Deno.test("a helper that fails is replaced and its part done here", async () => {
  const saved = threadCount();
  try {
    await helpersReady(2);
    const wasm = kernels()!;
    const [helper] = readyHelpers(wasm);
    // An address past the end of memory makes the kernel trap.
    post(helper, [
      2 ** 31 - 64,
      1,
      1,
      0,
      1,
      1,
      0,
      4,
      6,
      4,
      4,
      0,
      0,
      6,
      4,
      4,
    ]);
    assert.equal(finish(helper), false, "the failed job is reported");
    assert.ok(!readyHelpers(wasm).includes(helper), "the helper is dropped");
    await helpersReady(2);
    const a = random([256, 256], 1);
    const b = random([256, 256], 2);
    setThreadCount(1);
    const alone = matmulArray("Test", a, b);
    setThreadCount(2);
    assert.deepEqual(matmulArray("Test", a, b).data, alone.data);
  } finally {
    setThreadCount(saved);
  }
});

Deno.test("the plain-SIMD kernels run on helpers too", async () => {
  const saved = threadCount();
  try {
    useKernels("simd");
    await helpersReady(2);
    const a = random([200, 150], 1);
    const b = random([150, 170], 2);
    setThreadCount(1);
    const alone = matmulArray("Test", a, b);
    setThreadCount(2);
    const before = helperJobs();
    assert.deepEqual(matmulArray("Test", a, b).data, alone.data);
    assert.equal(helperJobs() - before, 1);
  } finally {
    useKernels("auto");
    setThreadCount(saved);
  }
});

Deno.test("setNumThreads checks its count", () => {
  const saved = getNumThreads();
  try {
    setNumThreads(3);
    assert.equal(getNumThreads(), 3);
    assert.throws(
      () => setNumThreads(1.5),
      new TypeError(
        "setNumThreads() expects an integer count, but was given 1.5",
      ),
    );
    assert.throws(
      () => setNumThreads("2" as unknown as number),
      new TypeError(
        "setNumThreads() expects an integer count, but was given string",
      ),
    );
    assert.throws(
      () => setNumThreads(0),
      new RangeError(
        "setNumThreads() expects a count from 1 to 256, but was given 0",
      ),
    );
    assert.equal(getNumThreads(), 3, "a refused count changes nothing");
  } finally {
    setNumThreads(saved);
  }
});
