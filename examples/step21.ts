// Step 21 of the book: operator overloading, part 2.
//
// Operands need not be Variables: a function wraps an ndarray or a plain
// number in a Variable before computing (the book's `as_variable` and
// `as_array`). So `x.add(array(3))` and `x.add(3)` both work, and a number
// can come first as well: `mul(3, x)`. The book needs `__radd__` and
// `__rmul__` for `3.0 * x`; here the helpers take a number on either side.
//
// Run: deno run examples/step21.ts
// Prints: variable(5.0), variable(5.0), then variable(7.0)

import { array, mul, Variable } from "../mod.ts";

const x = new Variable(array(2.0));

let y = x.add(array(3.0)); // With an ndarray.
console.log(y);

y = x.add(3.0); // With a number.
console.log(y);

y = mul(3.0, x).add(1.0); // The book's 3.0 * x + 1.0.
console.log(y);
