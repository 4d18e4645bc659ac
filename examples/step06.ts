// Step 6 of the book: backpropagation by hand.
//
// Each function now has a `backward(gy)`: given the gradient of its output,
// it returns the gradient of its input, the local derivative times gy.
// Square's is 2x · gy (x is the input it remembered in `call()`); Exp's is
// e^x · gy. For y = C(B(A(x))) the chain rule runs from the output back to
// the input: start from dy/dy = 1, then call C's, B's and A's backward in
// turn (step 5 is the theory behind this).
//
// Run: deno run examples/step06.ts
// Prints: 3.297442541400256 (dy/dx at 0.5)

import { array, Exp, Square, Variable } from "../mod.ts";

const A = new Square();
const B = new Exp();
const C = new Square();

// Forward.
const x = new Variable(array(0.5));
const a = A.call(x);
const b = B.call(a);
const y = C.call(b);

// Backward, by hand.
y.grad = array(1.0);
b.grad = C.backward(y.grad!) as Variable;
a.grad = B.backward(b.grad!) as Variable;
x.grad = A.backward(a.grad!) as Variable;
console.log(x.grad?.data);
