// Step 18 of the book: saving memory.
//
// 18.1-18.2 After `backward()` only the variables the user made (the leaves,
//     here x0 and x1) keep their gradient; the gradients of intermediate
//     variables such as t and y are dropped once used, since they are rarely
//     wanted. `backward({ retainGrad: true })` keeps them all.
// 18.3-18.5 When no gradient is needed (inference, updating parameters),
//     recording the graph only costs memory. `usingConfig({ enableBackprop:
//     false }, fn)` runs `fn` with recording off and switches it back on
//     afterwards, even if `fn` throws: the book's `with using_config(...)`.
//     `noGrad(fn)` is the short form, the book's `with no_grad()`.
//
// Run: deno run examples/step18.ts
// Prints: null null (the gradients of y and t; the book's None None), then
// 2.0 1.0 (of x0 and x1); the no-gradient part prints nothing, as in the book

import assert from "node:assert/strict";
import {
  add,
  array,
  config,
  full,
  noGrad,
  square,
  usingConfig,
  Variable,
} from "../mod.ts";

const x0 = new Variable(array(1.0));
const x1 = new Variable(array(1.0));
const t = add(x0, x1);
const y = add(x0, t);
y.backward();

console.log(y.grad, t.grad);
console.log(x0.grad?.data, x1.grad?.data);

// With backprop enabled (the default) the graph is recorded and kept.
{
  const x = new Variable(full([100, 100, 100], 1));
  const y = square(square(square(x)));
  y.backward();
  assert.ok(y.creator !== null);
}

// Without it, the outputs have no creator, and each intermediate result can
// be freed as soon as the next one is computed.
usingConfig({ enableBackprop: false }, () => {
  const x = new Variable(full([100, 100, 100], 1));
  const y = square(square(square(x)));
  assert.equal(y.creator, null);
});

noGrad(() => {
  const x = new Variable(full([100, 100, 100], 1));
  const y = square(square(square(x)));
  assert.equal(y.creator, null);
});

assert.equal(config.enableBackprop, true); // Switched back on.
