// Step 27 of the book: differentiating sin, and its Taylor series.
//
// `sin` is one function of the library, whose backward is cos: at x = π/4
// y and dy/dx are both sin(π/4) = cos(π/4) = √2/2. Then
// `mySin` builds sin from the Taylor series around 0,
//
//   sin x = x - x³/3! + x⁵/5! - ... = Σᵢ (-1)ⁱ x²ⁱ⁺¹ / (2i + 1)!,
//
// adding terms (each a Variable made with `pow` and `mul`) until one is
// smaller than `threshold` in absolute value. The graph it builds is a chain
// of Pow, Mul and Add functions, and backward differentiates it term by term;
// with threshold 1e-4 it stops after the x⁷ term, and value and gradient
// agree with the exact ones to within 4e-6.
//
// Run: deno run examples/step27.ts
// Prints:
//   --- original sin ---
//   0.7071067811865475
//   0.7071067811865476
//   --- approximate sin ---
//   0.7071064695751781
//   0.7071032148228457
// The first line is one unit in the last place below the book's
// 0.7071067811865476: Math.sin returns the double nearest to the sine of
// the double π/4 (as Python's math.sin and today's NumPy do), where the
// NumPy of the book returned its upper neighbour. The Taylor series gives
// the book's values exactly.

import { add, array, mul, sin, Variable } from "../mod.ts";

/** n! for a small whole number n. */
function factorial(n: number): number {
  let product = 1;
  for (let k = 2; k <= n; k++) product *= k;
  return product;
}

/** sin x from its Taylor series, stopping at the first term below threshold. */
function mySin(x: Variable, threshold = 0.0001): Variable {
  let y: Variable | number = 0;
  for (let i = 0; i < 100000; i++) {
    const c = (-1) ** i / factorial(2 * i + 1);
    const t = mul(c, x.pow(2 * i + 1));
    y = add(y, t);
    if (Math.abs(t.data.get()) < threshold) break;
  }
  return y as Variable;
}

{
  const x = new Variable(array(Math.PI / 4));
  const y = sin(x);
  y.backward();
  console.log("--- original sin ---");
  console.log(y.data);
  console.log(x.grad?.data);
}

{
  const x = new Variable(array(Math.PI / 4));
  const y = mySin(x);
  y.backward();
  console.log("--- approximate sin ---");
  console.log(y.data);
  console.log(x.grad?.data);
}
