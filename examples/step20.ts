// Step 20 of the book: operator overloading, part 1.
//
// The book lets Python write `a * b + c` by defining `__mul__` and `__add__`
// on Variable. JavaScript has no operator overloading, so the library gives
// Variable chainable methods instead: `a.mul(b).add(c)`. They build the same
// graph as the helpers, `add(mul(a, b), c)`. For y = a·b + c the gradients
// are dy/da = b = 2 and dy/db = a = 3.
//
// Run: deno run examples/step20.ts
// Prints: variable(7.0), then 2.0 and 3.0

import assert from "node:assert/strict";
import { add, array, mul, Variable } from "../mod.ts";

const a = new Variable(array(3.0));
const b = new Variable(array(2.0));
const c = new Variable(array(1.0));

// The helpers and the methods compute the same thing.
const withHelpers = add(mul(a, b), c);
const y = a.mul(b).add(c);
assert.equal(y.data.get(), withHelpers.data.get());

y.backward();
console.log(y);
console.log(a.grad?.data);
console.log(b.grad?.data);
