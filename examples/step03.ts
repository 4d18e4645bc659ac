// Step 3 of the book: chaining functions.
//
// Since `call()` takes Variables and returns a Variable, the output of one
// function can be the input of the next. Here y = (e^(x²))² is computed by
// three functions in a row: A = Square, B = Exp, C = Square. They are the
// library's classes: step 2's Square, and an Exp written the same way
// (`forward` takes e^x of each element); their `backward` comes in step 6.
//
// Run: deno run examples/step03.ts
// Prints: 1.648721270700128 (= e^0.5)

import { array, Exp, Square, Variable } from "../mod.ts";

const A = new Square();
const B = new Exp();
const C = new Square();

const x = new Variable(array(0.5));
const a = A.call(x);
const b = B.call(a);
const y = C.call(b);
console.log(y.data);
