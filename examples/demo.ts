// A tour of the book, one line per step: what the step adds and the value
// its example prints, for steps 1-9 and then a few highlights of steps 13-41.
// Each step has a full program beside this one (examples/stepNN.ts) that
// tells the story at more length.
//
// Run: deno task demo

import {
  add,
  array,
  Exp,
  exp,
  matmul,
  mul,
  pow,
  Square,
  square,
  sub,
  tanh,
  Variable,
} from "../mod.ts";
import { toMermaid } from "../graph/mod.ts";
import { gradientCheck, numericalDiff } from "../testing/mod.ts";

/** Print one step: its number, a caption and the value it computes. */
function show(step: number, caption: string, value: unknown = ""): void {
  const label = `Step ${step}`.padEnd(9);
  console.log(`${label}${caption.padEnd(46)}${String(value)}`.trimEnd());
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

console.log("\nAnd beyond: a few highlights of steps 13-41\n");

const x14 = new Variable(array(3));
add(add(x14, x14), x14).backward();
show(14, "A variable used three times: d(x+x+x)/dx", x14.grad?.data);

const x16 = new Variable(array(2));
const a16 = square(x16);
add(square(a16), square(a16)).backward();
show(16, "A diamond: y = (x²)² + (x²)², dy/dx at 2", x16.grad?.data);

// Step 33: Newton's method with the second derivative from autograd.
const x33 = new Variable(array(2));
for (let i = 0; i < 10; i++) {
  const y = sub(pow(x33, 4), mul(2, square(x33)));
  x33.clearGrad();
  y.backward({ createGraph: true });
  const gx = x33.grad!;
  x33.clearGrad();
  gx.backward();
  x33.data = array(x33.data.get() - gx.data.get() / x33.grad!.data.get());
}
show(33, "Newton on x⁴ - 2x² from 2, 10 steps", x33.data);

const b40 = new Variable(array([10, 20, 30]));
add(new Variable(array([[1, 2, 3], [4, 5, 6]])), b40).backward();
show(40, "Broadcast [3] over [2,3]: the bias gradient", b40.grad?.data);

const w41 = new Variable(array([[0.5], [-1]]), { name: "w" });
const x41 = new Variable(array([[1, 2]]), { name: "x" });
const y41 = tanh(matmul(x41, w41));
y41.name = "y";
const check = gradientCheck((w: Variable) => tanh(matmul(x41, w)), w41, {
  order: 2,
});
show(
  41,
  "tanh(x·w): 2nd-order gradient check, error",
  check.maxAbsoluteError.toExponential(1),
);

console.log(
  "\nThe graph of y = tanh(x·w), as Mermaid text for a Markdown page:\n",
);
console.log(toMermaid(y41));

console.log(
  "\nNext: `npx --yes deno@2.9.6 task test` (or `deno task test`) runs the" +
    "\ntests; examples/step10.ts shows how to test functions of your own, and" +
    "\nthe README's Install section how to use the library in your project.",
);
