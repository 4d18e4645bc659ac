// Step 9 of the book: making functions easier to use.
//
// 9.1 `square(x)` and `exp(x)` make a new Square or Exp and call it, so the
//     functions compose like ordinary ones: square(exp(square(x))).
// 9.2 `backward()` starts from a gradient of ones when `y.grad` is not set,
//     so `y.grad = array(1.0)` can go.
// 9.3 A Variable holds only float64 ndarrays: `asArray` turns a number into
//     a 0-d array (the book's `as_array`), and a bare number is refused.
//
// Run: deno run examples/step09.ts
// Prints: 3.297442541400256 (dy/dx at 0.5)

import assert from "node:assert/strict";
import { asArray, exp, type Float64NdArray, square, Variable } from "../mod.ts";

assert.throws(() => new Variable(0.5 as unknown as Float64NdArray), TypeError);

const x = new Variable(asArray(0.5));
const y = square(exp(square(x)));
y.backward();
console.log(x.grad?.data);
