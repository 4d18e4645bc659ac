// Step 22 of the book: operator overloading, part 3.
//
// The remaining arithmetic: negation, subtraction, division and powers,
// each a Function with its forward and backward (`Neg`, `Sub`, `Div`, `Pow`)
// and each available as a helper (`neg(x)`, `sub(a, b)`, `div(a, b)`,
// `pow(x, c)`) and as a method (`x.neg()`, `x.sub(b)`, `x.div(b)`,
// `x.pow(c)`). A number may stand on either side, so `2 - x` is `sub(2, x)`
// and the book's `__rsub__` and `__rtruediv__` are not needed. In `pow`
// the exponent c is a constant, not a variable: it gets no gradient.
//
// Run: deno run examples/step22.ts
// Prints: variable(-2.0), variable(0.0), variable(1.0), variable(1.5),
// variable(8.0), then 12.0 (d(x³)/dx = 3x² at x = 2)

import { array, div, sub, Variable } from "../mod.ts";

const x = new Variable(array(2.0));

console.log(x.neg()); // -x

const y1 = sub(2.0, x); // 2.0 - x
const y2 = x.sub(1.0); // x - 1.0
console.log(y1);
console.log(y2);

console.log(div(3.0, x)); // 3.0 / x

const y = x.pow(3); // x ** 3
y.backward();
console.log(y);
console.log(x.grad?.data);
