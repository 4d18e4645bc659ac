// Step 17 of the book: memory management and circular references.
//
// A variable links to its creator and the creator links back to its output:
// a cycle. CPython frees memory by reference counting, which never frees a
// cycle on its own, so the book makes a function's link to its outputs a
// weak reference. JavaScript's garbage collector instead frees whatever can
// no longer be reached from the program, cycles included, so the library
// keeps ordinary links both ways and a graph goes away once nothing refers
// to it.
//
// The book's loop builds a graph on 10000 random numbers ten times and
// prints nothing. Ten graphs are too few to see anything, so this one goes
// on to 1000: that is over 300 MB of arrays in all, while the memory in use
// stays close to where it was after ten.
//
// Run: deno run examples/step17.ts
// Prints: the arrays allocated in all, then the memory in use (heap and
// array buffers) after 10 and after 1000 iterations, in MB; the last two
// vary from run to run

import { array, type Float64NdArray, square, Variable } from "../mod.ts";

/** Standard normal samples (Box-Muller), as NumPy's `np.random.randn(n)`. */
function randn(n: number): Float64NdArray {
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = 1 - Math.random(); // In (0, 1], so the log is finite.
    values[i] = Math.sqrt(-2 * Math.log(u)) *
      Math.cos(2 * Math.PI * Math.random());
  }
  return array(values);
}

/** The JavaScript heap plus the memory outside it that holds array data. */
function megabytesInUse(): number {
  const usage = Deno.memoryUsage();
  return (usage.heapUsed + usage.external) / 2 ** 20;
}

const iterations = 1000;
let bytesAllocated = 0;
let afterTen = 0;
for (let i = 1; i <= iterations; i++) {
  const x = new Variable(randn(10000)); // Big data.
  const y = square(square(square(x)));
  // x and the three outputs each hold 10000 float64 numbers.
  bytesAllocated += (x.size + 3 * y.size) * Float64Array.BYTES_PER_ELEMENT;
  if (i === 10) afterTen = megabytesInUse();
}
const afterAll = megabytesInUse();

console.log(
  `Allocated ${
    (bytesAllocated / 2 ** 20).toFixed(1)
  } MB of arrays in ${iterations} iterations`,
);
console.log(
  `Memory in use: ${afterTen.toFixed(1)} MB after 10 iterations, ${
    afterAll.toFixed(1)
  } MB after ${iterations}`,
);
