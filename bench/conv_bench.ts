// conv2d on a batch of 100 single-channel 28x28 images with 8 3x3 filters
// (stride 1, pad 1, with bias), forward alone and forward + backward (the
// gradients of x, W and b under an all-ones upstream gradient, as
// `y.backward()`). bench/numpy_conv.py times the same workload with DeZero's
// algorithm in NumPy and with PyTorch. Run with `deno bench bench/conv_bench.ts`.

import {
  contiguousStrides,
  type Float64NdArray,
  view,
} from "../core/_ndarray.ts";
import { conv2d, Variable } from "../mod.ts";

/** Uniform values in [-1, 1) of a shape, from a fixed seed (mulberry32). */
function randomArray(shape: number[], seed: number): Float64NdArray {
  let state = seed >>> 0;
  const data = new Float64Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < data.length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    data[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  }
  return view(data, shape, contiguousStrides(shape), 0);
}

const xData = randomArray([100, 1, 28, 28], 1);
const wData = randomArray([8, 1, 3, 3], 2);
const bData = randomArray([8], 3);

Deno.bench("conv2d forward, x [100,1,28,28], W [8,1,3,3], pad 1", {
  n: 30,
  warmup: 5,
}, () => {
  conv2d(new Variable(xData), new Variable(wData), new Variable(bData), 1, 1);
});

Deno.bench(
  "conv2d forward + backward (gx, gW, gb)",
  { n: 30, warmup: 5 },
  () => {
    const x = new Variable(xData);
    const W = new Variable(wData);
    const b = new Variable(bData);
    const y = conv2d(x, W, b, 1, 1);
    y.backward();
  },
);
