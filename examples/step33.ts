// Step 33 of the book: Newton's method with automatic second derivatives.
//
// `backward({ createGraph: true })` records the graph of the gradient
// computation itself, so `x.grad` is a Variable with a creator and can be
// differentiated again. For y = x⁴ - 2x² at x = 2: y' = 4x³ - 4x = 24, and
// backward from it gives y'' = 12x² - 4 = 44. x's gradient has to be cleared
// between the two passes, or the second adds 44 to the 24 already there.
//
// With both derivatives from the library, step 29's Newton's method,
// x ← x - f'(x) / f''(x), needs no derivative written by hand and follows
// the same path to the minimum at x = 1.
//
// Run: deno run examples/step33.ts
// Prints: variable(24.0) and variable(44.0), then the iteration and x before
// each update:
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

import { array, div, mul, noGrad, sub, Variable } from "../mod.ts";

function f(x: Variable): Variable {
  return x.pow(4).sub(mul(2, x.pow(2)));
}

{
  const x = new Variable(array(2.0));
  const y = f(x);
  y.backward({ createGraph: true });
  console.log(x.grad);

  const gx = x.grad!;
  x.clearGrad();
  gx.backward();
  console.log(x.grad);
}

const x = new Variable(array(2.0));
const iters = 10;

for (let i = 0; i < iters; i++) {
  console.log(i, x);

  const y = f(x);
  x.clearGrad();
  y.backward({ createGraph: true });

  const gx = x.grad!;
  x.clearGrad();
  gx.backward();
  const gx2 = x.grad!;

  x.data = noGrad(() => sub(x, div(gx, gx2))).data;
}
