// Step 2 of the book: functions that take variables and return variables.
//
// `Function` is the base class: its `call()` takes the data out of the input
// Variable, computes with `forward()`, and wraps the result in a new Variable.
// A concrete function subclasses it and says only how to compute. The book
// writes `f(x)` (Python's `__call__`); here it is `f.call(x)`.
//
// Run: deno run examples/step02.ts
// Prints: Variable (the class of y, the book's `print(type(y))`), then 100.0
// (the book prints 100 because its np.array(10) holds integers; arrays here
// are always float64, printed as NumPy prints float64 arrays)

import { array, type Float64NdArray, Function, Variable } from "../mod.ts";

/** y = x² of a 0-d array: enough here (the library's Square is elementwise). */
class Square extends Function {
  forward(x: Float64NdArray): Float64NdArray {
    return array(x.get() ** 2);
  }

  // The library's Function asks for a backward too; the book adds it in step 6.
  backward(): never {
    throw new Error("Cannot run Square.backward: it is written in step 6");
  }
}

const x = new Variable(array(10));
const f = new Square();
const y = f.call(x);
console.log(y.constructor.name);
console.log(y.data);
