// Step 12 of the book: variable-length arguments, improved.
//
// Step 11's Add took a list and returned a list, so using it meant packing
// and unpacking. The book fixes both ends: `f(x0, x1)` takes the inputs as
// separate arguments (Python's `*inputs`; here `call(...inputs)`), `forward`
// returns a bare array when there is one output, and the helper `add(x0, x1)`
// makes the Add and calls it. The library's `Add` and `add` are exactly
// that: `forward(x0, x1)` returns one array and `call()` returns one Variable.
//
// Run: deno run examples/step12.ts
// Prints: 5.0 (2 + 3; the book prints 5 because its arrays hold integers)

import { add, array, Variable } from "../mod.ts";

const x0 = new Variable(array(2));
const x1 = new Variable(array(3));
const y = add(x0, x1);
console.log(y.data);
