// Step 4 of the book: numerical differentiation.
//
// The derivative is the slope between two nearby points. The centred
// difference (f(x + eps) - f(x - eps)) / 2eps, with a small eps = 1e-4, is
// the book's `numerical_diff(f, x, eps=1e-4)`:
//
//     x0 = Variable(x.data - eps); x1 = Variable(x.data + eps)
//     return (f(x1).data - f(x0).data) / (2 * eps)
//
// The library's `numericalDiff(f, x, { eps })` does this for each element of
// x. One difference: the book passes `f = Square()` and calls that instance
// twice, but here a Function instance is one node of the graph and may be
// called only once, so `f` is a plain function that makes a new Square on
// each call: the helper `square` (step 9 introduces it).
//
// The book then differentiates the composite function y = (e^(x²))² at
// 0.5, the chain of step 3, the same way.
//
// Run: deno run examples/step04.ts
// Prints: 4.000000000004 (the exact derivative of x² at 2 is 4), then
// 3.2974426293330694 (the exact derivative 4x·e^(2x²) at 0.5 is
// 3.297442541400256)

import { array, Exp, Square, square, Variable } from "../mod.ts";
import { numericalDiff } from "../testing/mod.ts";

{
  const f = square;
  const x = new Variable(array(2.0));
  const dy = numericalDiff(f, x);
  console.log(dy);
}

/** The book's composite function C(B(A(x))), with new Functions per call. */
function f(x: Variable): Variable {
  const A = new Square();
  const B = new Exp();
  const C = new Square();
  return C.call(B.call(A.call(x)));
}

const x = new Variable(array(0.5));
const dy = numericalDiff(f, x);
console.log(dy);
