// Step 57 of the book: im2col and conv2d_simple.
//
// `im2col` lays out the patch under each kernel position as one row: a
// 1x3x7x7 image with a 5x5 kernel has 3x3 positions, each a patch of
// 3·5·5 = 75 numbers, so 9 rows of 75; ten images give 90 rows. A
// convolution is then one matrix product of these rows with the filters,
// which is what `conv2dSimple` does (and `conv2d` in a single Function). The
// gradient of the input has the input's shape. As in the book the inputs are
// random (uniform and standard normal), so only shapes are printed.
//
// Run: deno run examples/step57.ts
// Prints:
//   [ 9, 75 ]
//   [ 90, 75 ]
//   [ 1, 8, 15, 15 ]
//   [ 1, 5, 15, 15 ]

import {
  conv2dSimple,
  type Float64NdArray,
  im2col,
  map,
  Variable,
  zeros,
} from "../mod.ts";

/** Uniform random numbers in [0, 1) of the given shape (NumPy's rand). */
function rand(...shape: number[]): Float64NdArray {
  return map(zeros(shape), () => Math.random());
}

/** Standard normal random numbers of the given shape (NumPy's randn). */
function randn(...shape: number[]): Float64NdArray {
  // Box-Muller: two uniform numbers in (0, 1] give a normal one.
  return map(zeros(shape), () => {
    const u = 1 - Math.random();
    const v = Math.random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  });
}

// im2col
const x1 = rand(1, 3, 7, 7);
const col1 = im2col(x1, 5, 1, 0, true);
console.log(col1.shape); // [9, 75]

const x2 = rand(10, 3, 7, 7); // ten images
const kernelSize: [number, number] = [5, 5];
const stride: [number, number] = [1, 1];
const pad: [number, number] = [0, 0];
const col2 = im2col(x2, kernelSize, stride, pad, true);
console.log(col2.shape); // [90, 75]

// conv2d
const [N, C, H, W] = [1, 5, 15, 15];
const [OC, KH, KW] = [8, 3, 3];
const x = new Variable(randn(N, C, H, W));
const weight = randn(OC, C, KH, KW);
const y = conv2dSimple(x, weight, null, 1, 1);
y.backward();
console.log(y.shape); // [1, 8, 15, 15]
console.log(x.grad!.shape); // [1, 5, 15, 15]
