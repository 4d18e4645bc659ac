import assert from "node:assert/strict";
import { AssertionError } from "node:assert";
import {
  add,
  array,
  exp,
  type Float64NdArray,
  Function,
  map,
  matmul,
  mul,
  Square,
  square,
  sum,
  sumTo,
  tanh,
  toNested,
  Variable,
  zipWith,
} from "../mod.ts";
import { gradientCheck } from "./gradient_check.ts";
import { testNeeding } from "./_permissions.ts";

/** y = x², with a backward broken in a chosen way (on plain numbers). */
function brokenSquare(
  gradient: (x: number, gy: number) => number,
): (x: Variable) => Variable {
  class BrokenSquare extends Function {
    forward(x: Float64NdArray): Float64NdArray {
      return map(x, (v) => v * v);
    }
    backward(gy: Variable): Float64NdArray {
      return zipWith(this.inputs[0].data, gy.data, gradient);
    }
  }
  return function brokenSquare(x: Variable): Variable {
    return new BrokenSquare().call(x);
  };
}

/** Assert that `fn` throws an AssertionError whose message matches all. */
function assertFails(fn: () => unknown, ...patterns: RegExp[]): string {
  let message = "";
  assert.throws(fn, (e: Error) => {
    assert.ok(e instanceof AssertionError, `not an AssertionError: ${e}`);
    assert.equal(e.name, "AssertionError");
    assert.equal((e as AssertionError).code, "ERR_ASSERTION");
    for (const pattern of patterns) assert.match(e.message, pattern);
    message = e.message;
    return true;
  });
  return message;
}

const point = array([0.5, -1.5, 2]);

Deno.test("gradientCheck() passes correct functions and returns what it found", () => {
  const result = gradientCheck((x: Variable) => square(exp(square(x))), point);
  assert.equal(result.mode, "full");
  assert.equal(result.order, 1);
  assert.equal(result.checked, 3);
  assert.ok(result.maxAbsoluteError < 1e-4);
  assert.ok(result.worst !== null);
  assert.equal(result.worst.input, 0);
  assert.deepEqual(result.kinks, []);
  assert.equal(result.seed, 0);
  assert.equal(result.eps, 1e-6);
  assert.equal(result.rtol, 1e-3);
  assert.equal(result.atol, 1e-5);
});

Deno.test("gradientCheck() passes correct functions across shapes, 0-d to 3-d", () => {
  const shapes = [[], [1], [4], [2, 3], [2, 1, 3]];
  for (const shape of shapes) {
    const size = shape.reduce((p, n) => p * n, 1);
    const x = array(
      Float64Array.from({ length: size }, (_, i) => Math.sin(i + 1)),
      { shape },
    );
    gradientCheck((v: Variable) => tanh(mul(v, v)), x);
    gradientCheck((v: Variable) => tanh(mul(v, v)), x, { mode: "fast" });
    gradientCheck((v: Variable) => tanh(mul(v, v)), x, { order: 2 });
  }
});

Deno.test("gradientCheck() catches a backward with the wrong sign", () => {
  const message = assertFails(
    () => gradientCheck(brokenSquare((x, gy) => -2 * x * gy), point),
    /Gradient check of brokenSquare failed: backprop and numerical gradients differ/,
    /output +input +index +backprop +numerical +abs error +rel error/,
    /seed 0, eps 0.000001, rtol 0.001, atol 0.00001/,
    /3 elements checked/,
  );
  // The worst element comes first: x = 2 has the largest error.
  assert.match(message.split("\n")[2], /^\s+0\s+0\s+\[2\]/);
  // Short: a heading, a table of at most five rows, a footer.
  assert.ok(message.split("\n").length <= 9);
});

Deno.test("gradientCheck() catches a backward that ignores or mis-scales its gy", () => {
  const ignoresGy = brokenSquare((x) => 2 * x);
  const misScales = brokenSquare((x, gy) => 2 * x * gy * 1.5);
  for (const seed of [0, 1, 2, 42]) {
    assertFails(() => gradientCheck(ignoresGy, point, { seed }), /seed/);
    assertFails(() => gradientCheck(misScales, point, { seed }), /seed/);
  }
});

Deno.test("gradientCheck() catches a zero upstream gradient that gives a nonzero gradient", () => {
  // Right whenever gy ≠ 0, so only the zero-gy check sees it.
  const leaks = brokenSquare((x, gy) => gy === 0 ? 1 : 2 * x * gy);
  assertFails(
    () => gradientCheck(leaks, point),
    /a zero upstream gradient gives the gradient 1 for input 0 at index \[0\], expected 0/,
  );
});

Deno.test("gradientCheck() catches a wrong broadcast reduction", () => {
  // Add whose backward forgets to sum the broadcast operand's gradient down.
  class SloppyAdd extends Function {
    forward(a: Float64NdArray, b: Float64NdArray): Float64NdArray {
      return add(new Variable(a), new Variable(b)).data;
    }
    backward(gy: Variable): Variable[] {
      // Takes the first row instead of summing over rows.
      const [a, b] = this.inputs;
      const firstRow = new Variable(gy.data.pick(0, null) as Float64NdArray);
      return [sumTo(gy, a.shape), firstRow.reshape(b.shape)];
    }
  }
  const sloppyAdd = (a: Variable, b: Variable) => new SloppyAdd().call(a, b);
  assertFails(
    () =>
      gradientCheck(sloppyAdd, [
        array([[1, 2, 3], [4, 5, 6]]),
        array([10, 20, 30]),
      ]),
    /Gradient check of sloppyAdd failed/,
    /\n\s+0\s+1\s+\[\d\]/,
  );
  // The correct add passes with the same broadcasting shapes.
  gradientCheck(add, [array([[1, 2, 3], [4, 5, 6]]), array([10, 20, 30])]);
});

Deno.test("gradientCheck() catches a wrong second derivative with order 2", () => {
  // First derivative right, but computed on arrays: no graph, so the second
  // derivative comes out as 0 instead of 2.
  class FlatSquare extends Square {
    override backward(gy: Variable): Variable {
      return new Variable(
        zipWith(this.inputs[0].data, gy.data, (x, g) => 2 * x * g),
      );
    }
  }
  const flatSquare = (x: Variable) => new FlatSquare().call(x);
  gradientCheck(flatSquare, point);
  assertFails(
    () => gradientCheck(flatSquare, point, { order: 2 }),
    /Gradient check of the gradient of flatSquare failed/,
    /seed 0, order 2/,
  );
});

Deno.test("gradientCheck() catches a non-deterministic backward", () => {
  let calls = 0;
  const flaky = brokenSquare((x, gy) =>
    2 * x * gy * (1 + (calls++ % 2) * 1e-9)
  );
  assertFails(
    () => gradientCheck(flaky, point),
    /backward is not deterministic: two runs on the same inputs give/,
    /nondeterministicTolerance 0/,
  );
  gradientCheck(flaky, point, { nondeterministicTolerance: 1e-6 });
});

Deno.test("gradientCheck() reports a NaN gradient as NaN", () => {
  assertFails(
    () => gradientCheck(brokenSquare(() => NaN), point),
    /the backprop gradient is NaN for input 0 at index \[0\]/,
  );
});

Deno.test("gradientCheck() checks functions of several inputs and outputs", () => {
  const x = array([[0.1, -0.2], [0.3, 0.4]]);
  const w = array([[0.5, -1], [2, 0.25]]);
  const result = gradientCheck(
    (a: Variable, b: Variable) => tanh(matmul(a, b)),
    [x, w],
  );
  assert.equal(result.checked, 8);
  // Two outputs, checked together in one backward pass.
  const both = (a: Variable, b: Variable) => [mul(a, b), exp(sum(a))];
  const twoOut = gradientCheck(both, [x, w]);
  assert.equal(twoOut.checked, 8);
  gradientCheck(both, [x, w], { order: 2 });
  // An output gradient that ignores the second output's gy is caught.
  class Fork extends Function {
    forward(v: Float64NdArray): Float64NdArray[] {
      return [map(v, (t) => 2 * t), map(v, (t) => 3 * t)];
    }
    backward(gy0: Variable): Variable {
      return mul(gy0, 2); // forgets 3 · gy1
    }
  }
  assertFails(
    () => gradientCheck((v: Variable) => new Fork().apply(v), point),
    /backprop and numerical gradients differ/,
  );
});

Deno.test("gradientCheck() checks only the inputs named by wrt and passes constants through", () => {
  const x = array([1, 2]);
  const c = new Variable(array([3, 4]));
  let seen: unknown[] = [];
  const f = (a: Variable, b: Variable, scale: number, label: string) => {
    seen = [b, scale, label];
    return mul(mul(a, b), scale);
  };
  const result = gradientCheck(f, [x, c, 2, "tag"], { wrt: [0] });
  assert.equal(result.checked, 2);
  assert.equal(seen[1], 2);
  assert.equal(seen[2], "tag");
  // The caller's Variable is passed as a fresh Variable over a copy.
  assert.notEqual(seen[0], c);
  assert.notEqual((seen[0] as Variable).data, c.data);
  assert.deepEqual(toNested((seen[0] as Variable).data), [3, 4]);
  assert.equal(c.grad, null);
  // Default wrt: every Variable, array or number, here 0, 1 and 2.
  assert.equal(gradientCheck(f, [x, c, 2, "tag"]).checked, 5);
  assert.throws(
    () => gradientCheck(f, [x, c, 2, "tag"], { wrt: [3] }),
    (e: Error) =>
      e instanceof TypeError &&
      /Cannot check input 3, string "tag"/.test(e.message),
  );
  assert.throws(
    () => gradientCheck(f, [x, c, 2, "tag"], { wrt: [7] }),
    (e: Error) => e instanceof RangeError && /got 4 input\(s\)/.test(e.message),
  );
});

Deno.test("gradientCheck() takes given upstream gradients, and zero ones give zero gradients", () => {
  const gy = array([1, 0, -1]);
  gradientCheck(square, point, { gy });
  gradientCheck(square, point, { gy: array([0, 0, 0]) });
  assert.throws(
    () => gradientCheck(square, point, { gy: array([1, 2]) }),
    (e: Error) =>
      e instanceof TypeError && /upstream gradient of output 0/.test(e.message),
  );
});

Deno.test("fast mode checks projections and falls back to full to name the element", () => {
  const x = array(Float64Array.from({ length: 20 }, (_, i) => i / 10 - 1));
  const fast = gradientCheck(square, x, { mode: "fast" });
  assert.equal(fast.mode, "fast");
  assert.equal(fast.worst, null);
  // Wrong at one element only: the projection fails, the full check names it.
  const oneWrong = brokenSquare((v, gy) => v === 0.5 ? 0 : 2 * v * gy);
  assertFails(
    () => gradientCheck(oneWrong, x, { mode: "fast" }),
    /\n\s+0\s+0\s+\[15\]/,
  );
});

Deno.test("gradientCheck() says so at a non-differentiable point", () => {
  class Abs extends Function {
    forward(x: Float64NdArray): Float64NdArray {
      return map(x, Math.abs);
    }
    backward(gy: Variable): Variable {
      return mul(gy, new Variable(map(this.inputs[0].data, Math.sign)));
    }
  }
  const abs = (x: Variable) => new Abs().call(x);
  gradientCheck(abs, array([-1, 0.5]));
  // 3e-7 is closer to the kink at 0 than eps = 1e-6: the centred difference
  // straddles it and comes out at 0.3, while the gradient is 1.
  assertFails(
    () => gradientCheck(abs, array([-1, 3e-7, 0.5])),
    /input 0 at index \[1\] is a non-differentiable point: the slope is -?\d.* from the left and -?\d.* from the right/,
  );
  const skipped = gradientCheck(abs, array([-1, 3e-7, 0.5]), {
    kinks: "skip",
  });
  assert.deepEqual(skipped.kinks, [{ input: 0, index: [1] }]);
  assert.equal(skipped.checked, 2);
});

Deno.test("gradientCheck() leaves the caller's variables untouched", () => {
  const x = new Variable(array([1, 2]));
  gradientCheck(square, x);
  gradientCheck(square, x, { order: 2 });
  gradientCheck(square, x, { mode: "fast" });
  assert.equal(x.grad, null);
  assert.deepEqual(toNested(x.data), [1, 2]);
});

Deno.test("gradientCheck() rejects bad arguments with TypeError and RangeError", () => {
  const cases: [() => unknown, ErrorConstructor, RegExp][] = [
    [() => gradientCheck(42 as never, point), TypeError, /number 42/],
    [
      () => gradientCheck(new Square() as never, point),
      TypeError,
      /Square object/,
    ],
    [
      () => gradientCheck(square, ["a"]),
      TypeError,
      /expects a Variable, a float64 ndarray, a number or nested arrays/,
    ],
    [() => gradientCheck(square, point, { eps: -1 }), RangeError, /eps -1/],
    [() => gradientCheck(square, point, { seed: 0.5 }), RangeError, /seed 0.5/],
    [
      () => gradientCheck(square, point, { mode: "slow" as never }),
      RangeError,
      /mode "slow"/,
    ],
    [
      () => gradientCheck(square, point, { order: 3 as never }),
      RangeError,
      /order 3/,
    ],
    [
      () => gradientCheck(square, point, { secondPoint: "no" as never }),
      TypeError,
      /secondPoint string "no"/,
    ],
    [
      () => gradientCheck(square, []),
      TypeError,
      /empty array/,
    ],
    [
      () => gradientCheck(square, point, { wrt: [0, 0] }),
      TypeError,
      /each input once/,
    ],
    [
      () => gradientCheck(() => 3 as never, point),
      TypeError,
      /return a Variable or an array of Variables, got number 3/,
    ],
  ];
  for (const [call, kind, message] of cases) {
    assert.throws(
      call,
      (e: Error) => e instanceof kind && message.test(e.message),
    );
  }
});

testNeeding(
  ["read"],
  "the failure message for a backward that forgets gy reads as the README shows",
  () => {
    class Cube extends Function {
      forward(x: Float64NdArray): Float64NdArray {
        return map(x, (v) => v ** 3);
      }
      backward(): Variable {
        return mul(3, square(this.inputs[0]));
      }
    }
    const cube = (x: Variable) => new Cube().call(x);
    const message = assertFails(() => gradientCheck(cube, array([0.5, -1, 2])));
    const readme = Deno.readTextFileSync(
      new URL("../README.md", import.meta.url),
    );
    assert.ok(
      readme.includes(message),
      `README.md does not show the message:\n${message}`,
    );
  },
);
