// Step 11 of the book: functions with several inputs and outputs.
//
// Until now a function took one variable and returned one. The book's Add
// takes a list of inputs and returns a list of outputs (a tuple). The
// library's `Function.apply()` is that version: it takes any number of
// inputs, passes their data to `forward(...xs)`, and returns the outputs as
// an array, one Variable per array that `forward` returns. Here `forward`
// takes two arrays and returns a list holding one. (`call()`, used so far,
// is `apply()` for functions with exactly one output.)
//
// Run: deno run examples/step11.ts
// Prints: 5.0 (2 + 3; the book prints 5 because its arrays hold integers)

import {
  array,
  type Float64NdArray,
  Function,
  Variable,
  zipWith,
} from "../mod.ts";

/** y = x0 + x1, returned as a list of outputs as in the book's step 11. */
class Add extends Function {
  forward(x0: Float64NdArray, x1: Float64NdArray): Float64NdArray[] {
    const y = zipWith(x0, x1, (a, b) => a + b);
    return [y];
  }

  // The library's Function asks for a backward too; the book adds it in step 13.
  backward(): never {
    throw new Error("Cannot run Add.backward: it is written in step 13");
  }
}

const xs = [new Variable(array(2)), new Variable(array(3))];
const f = new Add();
const ys = f.apply(...xs);
const y = ys[0];
console.log(y.data);
