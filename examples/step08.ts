// Step 8 of the book: from recursion to a loop.
//
// Step 7's backward called itself once per function, so a deep graph would
// need a deep call stack. Keeping a list of the functions still to process
// does the same work in a loop. This loop is what the library's
// `Variable.backward()` runs; it is written out here as in the book, and the
// last lines check that `y.backward()` agrees.
//
// Run: deno run examples/step08.ts
// Prints: 3.297442541400256 (dy/dx at 0.5)

import assert from "node:assert/strict";
import { array, Exp, type Function, Square, Variable } from "../mod.ts";

function backward(variable: Variable): void {
  const funcs: Function[] = variable.creator === null ? [] : [variable.creator];
  while (funcs.length > 0) {
    const f = funcs.pop() as Function; // The function added last.
    const x = f.input; // Its input
    const y = f.output; // and output.
    if (y.grad === null) {
      throw new Error("Cannot go backward: set the output's gradient first");
    }
    x.grad = f.backward(y.grad) as Variable; // one input: one gradient
    if (x.creator !== null) funcs.push(x.creator);
  }
}

const A = new Square();
const B = new Exp();
const C = new Square();

const x = new Variable(array(0.5));
const a = A.call(x);
const b = B.call(a);
const y = C.call(b);

y.grad = array(1.0);
backward(y);
const fromOurLoop = x.grad?.data.get();

x.clearGrad(); // The library adds to existing gradients: start again.
y.backward(); // The library's version of the same loop.
assert.equal(x.grad?.data.get(), fromOurLoop);
console.log(x.grad?.data);
