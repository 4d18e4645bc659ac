// Step 36 of the book: uses of higher-order differentiation (double
// backprop).
//
// With `createGraph`, a gradient is a Variable like any other and can be
// used in a further computation that is then differentiated: double
// backpropagation. Here y = x² gives gx = dy/dx = 2x as a graph, and
//
//   z = gx³ + y = (2x)³ + x²,   dz/dx = 24x² + 2x,
//
// which is 100 at x = 2. x's gradient from the first pass is cleared first,
// so that the second leaves only dz/dx.
//
// Run: deno run examples/step36.ts
// Prints: variable(100.0)

import { array, Variable } from "../mod.ts";

const x = new Variable(array(2.0));
const y = x.pow(2);
y.backward({ createGraph: true });
const gx = x.grad!;
x.clearGrad();

const z = gx.pow(3).add(y);
z.backward();
console.log(x.grad);
