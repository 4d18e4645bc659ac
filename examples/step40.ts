// Step 40 of the book: functions for broadcasting.
//
// `broadcastTo(x, shape)` repeats x along new or length-1 axes, as NumPy's
// broadcasting does: [1 2 3] becomes the 2 x 3 array of two such rows. Its
// backward sums the gradient back over the repeated axes, which is what
// `sumTo(x, shape)` does: it sums a 2 x 3 array down to shape [1, 3] (the
// column sums) or [2, 1] (the row sums). Each is the other's backward.
//
// With them, the arithmetic functions broadcast their operands as NumPy
// does and still get the gradients right: x0 = [1 2 3] plus x1 = [10] (shape
// [1]) gives [11 12 13], and since x1 was used three times, its gradient is
// [3].
//
// Run: deno run examples/step40.ts
// Prints:
//   [[1. 2. 3.]
//    [1. 2. 3.]]
//   [[5. 7. 9.]]
//   [[ 6.]
//    [15.]]
//   variable([11. 12. 13.])
//   variable([3.])
// (the book prints variable([11 12 13]) and variable([3]) without the points
// only because the book's arrays hold integers)

import { array, broadcastTo, sumTo, Variable } from "../mod.ts";

{
  const x = new Variable(array([1, 2, 3]));
  const y = broadcastTo(x, [2, 3]);
  console.log(y.data);
}

{
  const x = new Variable(array([[1, 2, 3], [4, 5, 6]]));
  console.log(sumTo(x, [1, 3]).data);
  console.log(sumTo(x, [2, 1]).data);
}

const x0 = new Variable(array([1, 2, 3]));
const x1 = new Variable(array([10]));
const y = x0.add(x1);
console.log(y);

y.backward();
console.log(x1.grad);
