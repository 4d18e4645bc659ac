// Step 10 of the book: testing. This file is a test to copy for your own
// functions: run it with `deno test examples/step10.ts`.
//
// The book tests square() three ways: its forward against a known value, its
// backward against a known value, and its backward against numerical
// differentiation at a random point (a "gradient check"), which needs no
// expected value at all. `gradientCheck` from the testing module goes
// further than the book's check: it weights the output by a random upstream
// gradient, so a backward that ignores its `gy` fails, and it reports the
// worst elements when it fails. The last tests write a function of their own
// and check it the same way.

import assert from "node:assert/strict";
import { AssertionError } from "node:assert";
import {
  array,
  exp,
  type Float64NdArray,
  Function,
  map,
  mul,
  square,
  Variable,
} from "../mod.ts";
import {
  assertAllClose,
  gradientCheck,
  numericalDiff,
} from "../testing/mod.ts";

if (import.meta.main) {
  console.log(
    "This file is a test: run it with deno test examples/step10.ts",
  );
}

/** A float64 array of the given shape with uniform values in [0, 1). */
function randomArray(shape: number[]): Float64NdArray {
  const size = shape.reduce((product, n) => product * n, 1);
  return array(Float64Array.from({ length: size }, () => Math.random()), {
    shape,
  });
}

// 10.1 The forward pass, against a value known by hand.
Deno.test("square() of 2 is 4", () => {
  const x = new Variable(array(2.0));
  const y = square(x);
  assert.equal(y.data.get(), 4);
});

// 10.2 The backward pass: the derivative of x² is 2x.
Deno.test("square() has gradient 2x: 6 at 3", () => {
  const x = new Variable(array(3.0));
  const y = square(x);
  y.backward();
  assert.equal(x.grad?.data.get(), 6);
});

// 10.3 The book's gradient check: backprop against numerical differentiation.
Deno.test("square() agrees with numerical differentiation at a random point", () => {
  const x = new Variable(randomArray([1]));
  const y = square(x);
  y.backward();
  const numGrad = numericalDiff(square, x);
  assert.ok(x.grad !== null);
  assertAllClose(x.grad, numGrad);
});

// The same, with the library's checker, on every element of a 2×3 array.
Deno.test("square() passes a gradient check at a random point", () => {
  gradientCheck(square, randomArray([2, 3]));
});

Deno.test("exp() passes a gradient check at a random point", () => {
  gradientCheck(exp, randomArray([2, 3]));
});

// Composed functions are checked the same way; here the exact derivative is
// also known: d/dx e^(2x²) = 4x · e^(2x²), which is 2e^0.5 at 0.5.
Deno.test("square(exp(square(x))) has gradient 4x·e^(2x²)", () => {
  const x = new Variable(array(0.5));
  const y = square(exp(square(x)));
  y.backward();
  assert.ok(x.grad !== null);
  assertAllClose(x.grad, 2 * Math.exp(0.5));
  gradientCheck((x) => square(exp(square(x))), randomArray([3]));
});

// A function of your own: y = x³. Its forward computes on arrays; its
// backward is written with Variable functions, so it can be differentiated
// again too.
class Cube extends Function {
  forward(x: Float64NdArray): Float64NdArray {
    return map(x, (v) => v ** 3);
  }

  backward(gy: Variable): Variable {
    return mul(gy, mul(3, square(this.input)));
  }
}

function cube(x: Variable): Variable {
  return new Cube().call(x);
}

Deno.test("cube() of 2 is 8", () => {
  assert.equal(cube(new Variable(array(2))).data.get(), 8);
});

Deno.test("cube() passes a gradient check at a random point", () => {
  gradientCheck(cube, array(Math.random()));
});

// A backward that forgets to multiply by gy is right only when gy is 1, so
// a check with an all-ones upstream gradient (the book's) would pass it.
class CubeIgnoringGy extends Cube {
  override backward(): Variable {
    return mul(3, square(this.input));
  }
}

Deno.test("a backward that ignores its gy fails the gradient check", () => {
  const cubeIgnoringGy = (x: Variable) => new CubeIgnoringGy().call(x);
  assert.throws(
    () => gradientCheck(cubeIgnoringGy, array(2)),
    AssertionError,
  );
});
