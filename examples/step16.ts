// Step 16 of the book: complex graphs, backward in the right order.
//
// In y = a² + a² with a = x², the variable a feeds two functions. Its
// creator must wait until both have sent their gradient back before running
// its own backward; otherwise x would get only part of its gradient (step 15
// is the theory behind this). The book numbers each function with a
// generation and always takes the deepest one first. The library gets the
// same order another way: `backward()` counts, for each function, the
// gradients it still waits for, and runs it when the count reaches 0.
// Here y = 2x⁴, so y = 32 and dy/dx = 8x³ = 64 at x = 2.
//
// Run: deno run examples/step16.ts
// Prints: 32.0, then 64.0

import { add, array, square, Variable } from "../mod.ts";

const x = new Variable(array(2.0));
const a = square(x);
const y = add(square(a), square(a));
y.backward();

console.log(y.data);
console.log(x.grad?.data);
