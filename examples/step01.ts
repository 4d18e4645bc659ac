// Step 1 of the book: a variable is a box that holds data.
//
// The book's first `Variable` has one field, `data`. The library's Variable
// is the same box with more inside (a gradient and a creator, from step 6
// on); here we put an array in, read it back, then put another one in its
// place. `array(1.0)` plays the part of NumPy's `np.array(1.0)`, and the
// array prints as NumPy prints it.
//
// Run: deno run examples/step01.ts
// Prints: 1.0, then 2.0

import { array, Variable } from "../mod.ts";

const data = array(1.0);
const x = new Variable(data);
console.log(x.data);

x.data = array(2.0);
console.log(x.data);
