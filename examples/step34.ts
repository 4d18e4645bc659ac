// Step 34 of the book: higher-order derivatives of sin.
//
// Sin's backward is written with Variable functions (gy·cos x), and Cos's
// with them too (gy·(-sin x)), so with `createGraph` each derivative is a
// graph that can be differentiated again, as often as wanted. At x = 1,
// after y = sin x and a first backward (x.grad = cos 1), three more passes
// give the 2nd, 3rd and 4th derivatives: -sin 1, -cos 1 and sin 1.
//
// The book then does the same on 200 points from -7 to 7 and plots sin and
// its first three derivatives. Without a plot, this compares each of them
// with its closed form, sin x, cos x, -sin x and -cos x, and prints the
// largest difference over the 200 points.
//
// Run: deno run examples/step34.ts
// Prints:
//   variable(-0.8414709848078965)
//   variable(-0.5403023058681398)
//   variable(0.8414709848078965)
// then, for sin and each derivative on the grid, its label and the largest
// difference from the closed form: y=sin(x) 0, y' 0, y'' 0, y''' 0

import {
  array,
  type Float64NdArray,
  sin,
  toNested,
  Variable,
  zipWith,
} from "../mod.ts";

{
  const x = new Variable(array(1.0));
  const y = sin(x);
  y.backward({ createGraph: true });

  for (let i = 0; i < 3; i++) {
    const gx = x.grad!;
    x.clearGrad();
    gx.backward({ createGraph: true });
    console.log(x.grad); // the (i + 2)-th derivative
  }
}

/** n points evenly spaced from start to stop, both included (np.linspace). */
function linspace(start: number, stop: number, n: number): number[] {
  const step = (stop - start) / (n - 1);
  return Array.from({ length: n }, (_, i) => start + i * step);
}

/** The largest element of a 1-d array. */
function max(values: Float64NdArray): number {
  return Math.max(...toNested(values) as number[]);
}

const x = new Variable(array(linspace(-7, 7, 200)));
const y = sin(x);
y.backward({ createGraph: true });

const logs = [y.data];
for (let i = 0; i < 3; i++) {
  logs.push(x.grad!.data);
  const gx = x.grad!;
  x.clearGrad();
  gx.backward({ createGraph: true });
}

// What each logged array should be: sin x and its derivatives.
const labels = ["y=sin(x)", "y'", "y''", "y'''"];
const closedForms = [
  (v: number) => Math.sin(v),
  (v: number) => Math.cos(v),
  (v: number) => -Math.sin(v),
  (v: number) => -Math.cos(v),
];
logs.forEach((values, i) => {
  const errors = zipWith(
    values,
    x.data,
    (value, v) => Math.abs(value - closedForms[i](v)),
  );
  console.log(labels[i], max(errors));
});
