// Step 38 of the book: functions that change shape.
//
// `reshape` gives the same elements a new shape and `transpose` reverses
// the axes (or permutes them as asked). Neither computes anything, so their
// backward only puts the gradient back into the input's shape: for an input
// of shape [2, 3], the gradient has shape [2, 3] again, whatever shape the
// output had.
//
// Like NumPy arrays, Variables have them as methods: `x.reshape(3, 2)`,
// `x.transpose()`, `x.T`, and `x.transpose(1, 0, 3, 2)` to permute the axes
// of a 4-d array of shape [1, 2, 3, 4] into shape [2, 1, 4, 3].
//
// Run: deno run examples/step38.ts
// Prints: the gradient after reshape to [6] (a 2 x 3 array of ones), the
// shape of x.reshape(3, 2), the gradient after transpose (ones again), the
// shape of x.T, and the shape of the 4-d array transposed and of its
// gradient:
//   variable([[1. 1. 1.]
//             [1. 1. 1.]])
//   [ 3, 2 ]
//   variable([[1. 1. 1.]
//             [1. 1. 1.]])
//   [ 3, 2 ]
//   [ 2, 1, 4, 3 ] [ 1, 2, 3, 4 ]
// (the book prints the ones without the points only because the book's arrays hold integers)

import { array, reshape, transpose, Variable, zeros } from "../mod.ts";

{
  const x = new Variable(array([[1, 2, 3], [4, 5, 6]]));
  const y = reshape(x, [6]); // y = x.reshape(6)
  y.backward({ retainGrad: true });
  console.log(x.grad);
  console.log(x.reshape(3, 2).shape);
}

{
  const x = new Variable(array([[1, 2, 3], [4, 5, 6]]));
  const y = transpose(x); // y = x.T
  y.backward();
  console.log(x.grad);
  console.log(x.T.shape);
}

{
  const [A, B, C, D] = [1, 2, 3, 4];
  const x = new Variable(zeros([A, B, C, D]));
  const y = x.transpose(1, 0, 3, 2);
  y.backward();
  console.log(y.shape, x.grad!.shape);
}
