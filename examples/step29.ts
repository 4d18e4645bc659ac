// Step 29 of the book: optimisation by Newton's method (by hand).
//
// Newton's method minimises f by stepping to the minimum of its quadratic
// (second-order Taylor) approximation at the current point:
//
//   x ← x - f'(x) / f''(x).
//
// For f(x) = x⁴ - 2x², which has minima at x = ±1, backpropagation gives
// f'(x); the second derivative f''(x) = 12x² - 4 is written by hand. From
// x = 2 it reaches 1 within 7 iterations, where gradient descent would take
// hundreds. Step 33 gets f'' from the library too.
//
// Run: deno run examples/step29.ts
// Prints: the iteration and x before each update:
//   0 variable(2.0)
//   1 variable(1.4545454545454546)
//   2 variable(1.1510467893775467)
//   3 variable(1.0253259289766978)
//   4 variable(1.0009084519430513)
//   5 variable(1.0000012353089454)
//   6 variable(1.000000000002289)
//   7 variable(1.0)
//   8 variable(1.0)
//   9 variable(1.0)

import {
  array,
  div,
  type Float64NdArray,
  map,
  mul,
  noGrad,
  sub,
  Variable,
} from "../mod.ts";

function f(x: Variable): Variable {
  return x.pow(4).sub(mul(2, x.pow(2)));
}

/** f''(x) = 12x² - 4, on the data. */
function gx2(x: Float64NdArray): Float64NdArray {
  return map(x, (value) => 12 * value ** 2 - 4);
}

const x = new Variable(array(2.0));
const iters = 10;

for (let i = 0; i < iters; i++) {
  console.log(i, x);

  const y = f(x);
  x.clearGrad();
  y.backward();

  x.data = noGrad(() => sub(x, div(x.grad!, gx2(x.data)))).data;
}
