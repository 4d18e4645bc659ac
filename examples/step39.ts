// Step 39 of the book: the sum function.
//
// y = sum(x) adds up every element; each one contributes with weight 1, so
// the gradient is the upstream gradient copied back into x's shape (by
// broadcasting). With `axis` it sums along that axis only: the columns of a
// 2 x 3 array sum to [5. 7. 9.], and the gradient still has the shape [2, 3].
// With `keepdims` the summed axes stay, with length 1: a 4-d array summed
// whole has shape [1, 1, 1, 1], and summed along axis 0 a 2 x 3 array has
// shape [1, 3].
//
// Run: deno run examples/step39.ts
// Prints:
//   variable(21.0)
//   variable([1. 1. 1. 1. 1. 1.])
//   variable(21.0)
//   variable([[1. 1. 1.]
//             [1. 1. 1.]])
//   variable([5. 7. 9.])
//   variable([[1. 1. 1.]
//             [1. 1. 1.]])
//   [ 1, 1, 1, 1 ]
//   [ 1, 3 ]
// (the book prints variable(21), variable([5 7 9]) and so on without the
// points only because the book's arrays hold integers)

import { array, sum, Variable, zeros } from "../mod.ts";

{
  const x = new Variable(array([1, 2, 3, 4, 5, 6]));
  const y = sum(x);
  y.backward();
  console.log(y);
  console.log(x.grad);
}

{
  const x = new Variable(array([[1, 2, 3], [4, 5, 6]]));
  const y = sum(x);
  y.backward();
  console.log(y);
  console.log(x.grad);
}

{
  const x = new Variable(array([[1, 2, 3], [4, 5, 6]]));
  const y = sum(x, { axis: 0 });
  y.backward();
  console.log(y);
  console.log(x.grad);
}

{
  const x = new Variable(zeros([2, 3, 4, 5]));
  const y = sum(x, { keepdims: true });
  console.log(y.shape);
}

{
  const x = new Variable(array([[1, 2, 3], [4, 5, 6]]));
  console.log(x.sum(0, true).shape);
}
