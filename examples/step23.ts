// Step 23 of the book: packaging.
//
// The book moves its code into the package `dezero` and imports it with
// `from dezero import Variable`. Here the package is `@dezero/core`: `mod.ts`
// re-exports the core (Variable, Function, configuration, arrays) and every
// function, and loading it makes the functions available as Variable
// methods. Inside this repository the examples import `../mod.ts`; a project
// of your own imports "@dezero/core".
//
// Run: deno run examples/step23.ts
// Prints: variable(16.0) ((1 + 3)²), then 8.0 (2(x + 3) at x = 1)

import { array, Variable } from "../mod.ts";

const x = new Variable(array(1.0));
const y = x.add(3).pow(2); // (x + 3) ** 2
y.backward();

console.log(y);
console.log(x.grad?.data);
