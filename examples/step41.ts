// Step 41 of the book: the matrix product.
//
// `matmul(a, b)` multiplies an m x k matrix by a k x n one (NumPy's `np.dot`
// on 2-d arrays): [[1 2] [3 4]]·[[5 6] [7 8]] = [[19 22] [43 50]]. The inner
// product of two vectors, 1·4 + 2·5 + 3·6 = 32, is their elementwise product
// summed.
//
// For y = x·W the gradients are ∂L/∂x = gy·Wᵀ and ∂L/∂W = xᵀ·gy, both
// matrix products again, and each has the shape of its variable: for x of
// shape [2, 3] and W of shape [3, 4], [2, 3] and [3, 4]. As in the book, x
// and W hold random numbers from the standard normal distribution (so they
// differ on every run; only the shapes are printed).
//
// Run: deno run examples/step41.ts
// Prints:
//   32.0
//   [[19. 22.]
//    [43. 50.]]
// (NumPy prints 32 and [[19 22] ...] for integer arrays; the book prints
// only the shapes)
//   [ 2, 3 ]
//   [ 3, 4 ]

import {
  array,
  type Float64NdArray,
  map,
  matmul,
  Variable,
  zeros,
} from "../mod.ts";

/** An array of the given shape filled with standard normal random numbers. */
function randn(...shape: number[]): Float64NdArray {
  // Box-Muller: two uniform numbers in (0, 1] give a normal one.
  return map(zeros(shape), () => {
    const u = 1 - Math.random();
    const v = Math.random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  });
}

{
  const a = new Variable(array([1, 2, 3]));
  const b = new Variable(array([4, 5, 6]));
  console.log(a.mul(b).sum().data);
}

{
  const a = new Variable(array([[1, 2], [3, 4]]));
  const b = new Variable(array([[5, 6], [7, 8]]));
  console.log(matmul(a, b).data);
}

const x = new Variable(randn(2, 3));
const W = new Variable(randn(3, 4));
const y = matmul(x, W);
y.backward();

console.log(x.grad!.shape);
console.log(W.grad!.shape);
