// Step 1 of the book: a variable is a box that holds data.
//
// The book's first `Variable` has one field, `data`. The library's Variable
// is the same box with more inside (a gradient and a creator, from step 6
// on); here we only put an array in and read it back. `array(1.0)` plays
// the part of NumPy's `np.array(1.0)`.
//
// Run: deno run examples/step01.ts
// Prints: 1 (the book's 1.0; JavaScript prints whole numbers without ".0")

import { array, Variable } from "../mod.ts";

const data = array(1.0);
const x = new Variable(data);
console.log(x.data);
