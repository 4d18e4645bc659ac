// Step 54 of the book: dropout, and test mode.
//
// While training, dropout keeps each element with probability 1 - ratio
// (0.5 by default) and scales the kept ones by 1 / (1 - ratio), so the
// expected value does not change ("inverted dropout"). In test mode it
// passes its input through unchanged. The book leaves the generator
// unseeded; here it is seeded with 0, so this prints what the book's
// step54.py prints after `np.random.seed(0)` (the first five uniform draws
// are 0.55, 0.72, 0.60, 0.54, 0.42: the last one is dropped).
//
// Run: deno run examples/step54.ts
// Prints:
//   [1. 1. 1. 1. 1.]
//   variable([2. 2. 2. 2. 0.])
//   variable([1. 1. 1. 1. 1.])

import { dropout, full, testMode } from "../mod.ts";
import { seed } from "../random/mod.ts";

seed(0);

const x = full([5], 1); // np.ones(5)
console.log(x);

// When training
let y = dropout(x);
console.log(y);

// When testing (predicting)
testMode(() => {
  y = dropout(x);
  console.log(y);
});
