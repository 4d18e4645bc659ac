// Step 37 of the book: working with tensors.
//
// Every function so far works elementwise on arrays of any shape, not just
// on scalars: sin of a 2 x 3 array is the 2 x 3 array of sines, and x + c
// adds element by element. Arrays print as NumPy prints them: a 0-d array
// with all its digits, 0.8414709848078965, the elements of a bigger array
// rounded to 8 significant digits, 0.84147098.
//
// Backward works the same way when the output is a scalar made from a
// tensor, here by `sum` (step 39 looks at it closely): y = sum(x + c) = 231,
// and every element of x, c and t = x + c contributes to y with weight 1, so
// each gradient is an array of ones with the shape of its variable.
// `retainGrad` keeps the gradients of y and t, which are otherwise freed.
//
// Run: deno run examples/step37.ts
// Prints: sin of a scalar and of a 2 x 3 tensor, x + c, then
// y = variable(231.0) and the gradients of y, t, x and c: variable(1.0), then
// three times
//   variable([[1. 1. 1.]
//             [1. 1. 1.]])
// (the book prints variable(1) and [[1 1 1] ...] without the points only because the book's arrays hold integers)

import { array, sin, sum, Variable } from "../mod.ts";

{
  const x = new Variable(array(1.0));
  console.log(sin(x));
}

{
  const x = new Variable(array([[1, 2, 3], [4, 5, 6]]));
  console.log(sin(x));
}

{
  const x = new Variable(array([[1, 2, 3], [4, 5, 6]]));
  const c = new Variable(array([[10, 20, 30], [40, 50, 60]]));
  console.log(x.add(c));
}

const x = new Variable(array([[1, 2, 3], [4, 5, 6]]));
const c = new Variable(array([[10, 20, 30], [40, 50, 60]]));
const t = x.add(c);
const y = sum(t);
console.log(y);

y.backward({ retainGrad: true });
console.log(y.grad);
console.log(t.grad);
console.log(x.grad);
console.log(c.grad);
