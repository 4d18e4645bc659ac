// Step 7 of the book: automating backpropagation.
//
// `call()` records links as it computes: the output's `creator` is the
// function, and the function keeps its `input` and `output`. The graph is
// built while the computation runs ("Define-by-Run"), and the links let us
// walk it backwards from y to x, like a linked list.
//
// Run: deno run examples/step07.ts
// Prints: 3.297442541400256 (dy/dx at 0.5)

import assert from "node:assert/strict";
import { array, Exp, Square, Variable } from "../mod.ts";

const A = new Square();
const B = new Exp();
const C = new Square();

const x = new Variable(array(0.5));
const a = A.call(x);
const b = B.call(a);
const y = C.call(b);

// 7.1 Walk the graph backwards through the creator and input links.
assert.equal(y.creator, C);
assert.equal(y.creator.input, b);
assert.equal(y.creator.input.creator, B);
assert.equal(y.creator.input.creator.input, a);
assert.equal(y.creator.input.creator.input.creator, A);
assert.equal(y.creator.input.creator.input.creator.input, x);

// 7.2-7.3 From a variable: take its creator, take that function's input,
// call the function's backward, then do the same from that input. The book
// makes this the recursive method `Variable.backward()`; the library's
// Variable already has a backward (step 8's), so here it is a function.
function backward(variable: Variable): void {
  const f = variable.creator; // 1. Get the function.
  if (f === null) return; // A variable the user made: the walk ends.
  if (variable.grad === null) {
    throw new Error("Cannot go backward: set the output's gradient first");
  }
  const input = f.input; // 2. Get the function's input.
  input.grad = f.backward(variable.grad) as Variable; // 3. Call its backward.
  backward(input); // Then the same from the variable before it.
}

y.grad = array(1.0);
backward(y);
console.log(x.grad?.data);
