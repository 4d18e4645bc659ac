// Step 19 of the book: making variables easier to use.
//
// 19.1 A variable can have a name (`{ name: "x" }`), for telling variables
//      apart in graph pictures and error messages.
// 19.2-19.3 It answers the questions one asks of its array: `shape`,
//      `ndim`, `size`, `dtype`. The library's arrays are always float64,
//      where the book's array of integers is int64.
// 19.4 `length` is the length of the first axis, as Python's `len(x)`.
// 19.5 Printing shows `variable(...)` around the array, as DeZero does.
//
// Run: deno run examples/step19.ts
// Prints: x, [ 2, 3 ], 2, 6, float64, 2, then variable([[1. 2. 3.]
//                                                       [4. 5. 6.]])
// (the book prints variable([[1 2 3] ...]) without the points only because the book's arrays hold integers)

import { array, Variable } from "../mod.ts";

const x = new Variable(array([[1, 2, 3], [4, 5, 6]]), { name: "x" });

console.log(x.name);
console.log(x.shape);
console.log(x.ndim);
console.log(x.size);
console.log(x.dtype);
console.log(x.length);
console.log(x);
