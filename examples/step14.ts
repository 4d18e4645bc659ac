// Step 14 of the book: using the same variable more than once.
//
// In y = x + x, x reaches y along two paths, and its gradient is the sum of
// both: 2. (The book's first version overwrote the gradient and got 1; the
// library adds.) Because gradients add up, they also accumulate from one
// `backward()` to the next, so computing a second, unrelated gradient with
// the same x needs `clearGrad()` first (the book's `cleargrad()`): then
// y = (x + x) + x gives 3, not 2 + 3.
//
// Run: deno run examples/step14.ts
// Prints: 2.0, then 3.0

import { add, array, Variable } from "../mod.ts";

// First calculation.
const x = new Variable(array(3.0));
let y = add(x, x);
y.backward();
console.log(x.grad?.data);

// Second calculation, with the same x.
x.clearGrad();
y = add(add(x, x), x);
y.backward();
console.log(x.grad?.data);
