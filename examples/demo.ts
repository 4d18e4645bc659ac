// A tour of steps 1-9 of the book, one line per step: what the step adds and
// the value its example prints. Each step has a full program beside this one
// (examples/step01.ts ... step09.ts) that tells the story at more length.
//
// Run: deno task demo

import { array, Exp, exp, Square, square, Variable } from "../mod.ts";
import { numericalDiff } from "../testing/mod.ts";

/** Print one step: its number, a caption and the value it computes. */
function show(step: number, caption: string, value: unknown = ""): void {
  console.log(`Step ${step}  ${caption.padEnd(44)}${String(value)}`.trimEnd());
}

/** Step 7's walk: from a variable to its creator's input, recursively. */
function backwardAlongCreators(variable: Variable): void {
  const f = variable.creator;
  if (f === null || variable.grad === null) return;
  f.input.grad = f.backward(variable.grad) as Variable; // one input: one gradient
  backwardAlongCreators(f.input);
}

console.log("DeZero in TypeScript: steps 1-9 of the book\n");

show(1, "A Variable holds an array", new Variable(array(1.0)).data);

const ten = new Variable(array(10));
show(2, "A Function maps Variables: Square of 10", new Square().call(ten).data);

const A = new Square();
const B = new Exp();
const C = new Square();
const x = new Variable(array(0.5));
const a = A.call(x);
const b = B.call(a);
const y = C.call(b);
show(3, "Functions chain: y = C(B(A(x))) at 0.5", y.data);

const slope = numericalDiff(square, new Variable(array(2)));
show(4, "Numerical derivative of x² at 2", slope);

show(5, "(theory: backpropagation by the chain rule)");

y.grad = array(1.0);
b.grad = C.backward(y.grad!) as Variable;
a.grad = B.backward(b.grad!) as Variable;
x.grad = A.backward(a.grad!) as Variable;
show(6, "dy/dx by hand: C, B, then A's backward", x.grad?.data);

x.clearGrad();
backwardAlongCreators(y);
show(7, "dy/dx by following the creator links", x.grad?.data);

x.clearGrad();
y.backward();
show(8, "dy/dx by y.backward(), a loop", x.grad?.data);

const x9 = new Variable(array(0.5));
const y9 = square(exp(square(x9)));
y9.backward();
show(9, "square(exp(square(x))).backward()", x9.grad?.data);

console.log(
  "\nNext: `deno task test` runs the tests, and `deno test examples/step10.ts`" +
    "\nshows how to test functions of your own.",
);
