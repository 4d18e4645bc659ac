// Step 13 of the book: backpropagation with several inputs.
//
// A function with two inputs returns two gradients from `backward`, one per
// input: Add's local derivatives are both 1, so each input gets gy as it is.
// `Variable.backward()` hands each gradient to its input and carries on from
// there. For z = x² + y² at (2, 3) the gradients are 2x = 4 and 2y = 6.
//
// Run: deno run examples/step13.ts
// Prints: 13.0, 4.0 and 6.0 on three lines (z, dz/dx, dz/dy)

import { add, array, square, Variable } from "../mod.ts";

const x = new Variable(array(2.0));
const y = new Variable(array(3.0));

const z = add(square(x), square(y));
z.backward();
console.log(z.data);
console.log(x.grad?.data);
console.log(y.grad?.data);
