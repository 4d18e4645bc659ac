import {
  add,
  array,
  broadcastTo,
  cos,
  div,
  exp,
  type Float64NdArray,
  log,
  matmul,
  mul,
  neg,
  pow,
  reshape,
  sin,
  square,
  sub,
  sum,
  sumTo,
  tanh,
  transpose,
  Variable,
} from "../mod.ts";
// First- and second-order gradient checks of every function, over random
// shapes (0-d included), random values and, for binary functions, random
// broadcasting pairs. fast-check generates the cases from fixed seeds, so a
// failure names a case that replays exactly.

import fc from "fast-check";
import { gradientCheck } from "../testing/mod.ts";

const RUNS = 25;

/** A shape of 0 to 3 axes, each of length 1 to 3. */
const shapeArb = fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 3 });

/** An array of the given shape with values in [low, high]. */
function valuesArb(
  shape: number[],
  low = -2,
  high = 2,
): fc.Arbitrary<Float64NdArray> {
  const size = shape.reduce((p, n) => p * n, 1);
  return fc.array(
    fc.double({ min: low, max: high, noNaN: true, noDefaultInfinity: true }),
    { minLength: size, maxLength: size },
  ).map((values) => array(Float64Array.from(values), { shape }));
}

/** An array of random shape with values in [low, high]. */
function tensorArb(low = -2, high = 2): fc.Arbitrary<Float64NdArray> {
  return shapeArb.chain((shape) => valuesArb(shape, low, high));
}

/**
 * Two shapes that broadcast together: the second drops some leading axes of
 * the first and sets some others to 1; the pair may come in either order.
 */
const broadcastPairArb = shapeArb.chain((shape) =>
  fc.tuple(
    fc.integer({ min: 0, max: shape.length }),
    fc.array(fc.boolean(), {
      minLength: shape.length,
      maxLength: shape.length,
    }),
    fc.boolean(),
  ).map(([drop, ones, swap]) => {
    const other = shape.slice(drop).map((n, i) => ones[i + drop] ? 1 : n);
    return swap ? [other, shape] : [shape, other];
  })
);

/** Check first and second derivatives of a unary function. */
function checkBothOrders(
  f: (x: Variable) => Variable,
  x: Float64NdArray,
): void {
  gradientCheck(f, x);
  gradientCheck(f, x, { order: 2 });
}

const unary: [string, (x: Variable) => Variable, number, number][] = [
  ["square", square, -2, 2],
  ["exp", exp, -2, 2],
  ["neg", neg, -2, 2],
  ["sin", sin, -3, 3],
  ["cos", cos, -3, 3],
  ["tanh", tanh, -2, 2],
  ["log", log, 0.5, 3],
  ["pow 3", (x) => pow(x, 3), -2, 2],
  ["pow -1.5", (x) => pow(x, -1.5), 0.5, 3],
];

for (const [name, f, low, high] of unary) {
  Deno.test(`${name}() passes first- and second-order gradient checks on random shapes`, () => {
    fc.assert(
      fc.property(tensorArb(low, high), (x) => checkBothOrders(f, x)),
      { seed: 20261130, numRuns: RUNS },
    );
  });
}

const binary: [string, (a: Variable, b: Variable) => Variable, number][] = [
  ["add", add, 0],
  ["sub", sub, 0],
  ["mul", mul, 0],
  ["div", div, 0.5],
];

for (const [name, f, awayFromZero] of binary) {
  Deno.test(`${name}() passes gradient checks of both orders for each input under broadcasting`, () => {
    const casesArb = broadcastPairArb.chain(([sa, sb]) =>
      fc.tuple(
        valuesArb(sa),
        valuesArb(sb, awayFromZero || -2, 2),
      )
    );
    fc.assert(
      fc.property(casesArb, ([a, b]) => {
        checkBothOrders((x) => f(x, new Variable(b)), a);
        checkBothOrders((x) => f(new Variable(a), x), b);
        // Both inputs from one variable: the second derivative mixes them.
        // exp(0.1·Σx) keeps a divisor well away from zero.
        checkBothOrders((x) => f(x, exp(mul(sum(x), 0.1))), a);
      }),
      { seed: 20261130, numRuns: RUNS },
    );
  });
}

Deno.test("sum() passes gradient checks of both orders over random axes and keepdims", () => {
  const casesArb = shapeArb.chain((shape) =>
    fc.tuple(
      valuesArb(shape),
      fc.subarray(shape.map((_, axis) => axis)),
      fc.boolean(),
    )
  );
  fc.assert(
    fc.property(casesArb, ([x, axes, keepdims]) => {
      // Square first, so the second derivative is not identically zero.
      checkBothOrders(
        (v) => sum(square(v), { axis: axes, keepdims }),
        x,
      );
      checkBothOrders((v) => sum(square(v)), x);
    }),
    { seed: 20261130, numRuns: RUNS },
  );
});

Deno.test("reshape() and transpose() pass gradient checks of both orders", () => {
  const casesArb = shapeArb.chain((shape) =>
    fc.tuple(
      valuesArb(shape),
      fc.shuffledSubarray(shape.map((_, axis) => axis), {
        minLength: shape.length,
        maxLength: shape.length,
      }),
    )
  );
  fc.assert(
    fc.property(casesArb, ([x, axes]) => {
      checkBothOrders((v) => square(reshape(v, [-1])), x);
      checkBothOrders((v) => square(reshape(v, [...x.shape].reverse())), x);
      checkBothOrders((v) => square(transpose(v, axes)), x);
      checkBothOrders((v) => square(transpose(v)), x);
    }),
    { seed: 20261130, numRuns: RUNS },
  );
});

Deno.test("broadcastTo() and sumTo() pass gradient checks of both orders", () => {
  const casesArb = broadcastPairArb.chain(([sa, sb]) => {
    // The smaller of the two is the one that broadcasts to the other.
    const big = sa.length >= sb.length && sa.every((n, i) =>
        n >= (sb[i - (sa.length - sb.length)] ?? 1)
      )
      ? sa
      : sb;
    const small = big === sa ? sb : sa;
    return fc.tuple(
      valuesArb(small),
      valuesArb(big),
      fc.constant(big),
      fc.constant(small),
    );
  });
  fc.assert(
    fc.property(casesArb, ([small, big, bigShape, smallShape]) => {
      checkBothOrders((v) => square(broadcastTo(v, bigShape)), small);
      checkBothOrders((v) => square(sumTo(v, smallShape)), big);
    }),
    { seed: 20261130, numRuns: RUNS },
  );
});

Deno.test("matmul() passes gradient checks of both orders for each input", () => {
  const dim = fc.integer({ min: 1, max: 4 });
  const casesArb = fc.tuple(dim, dim, dim).chain(([m, k, n]) =>
    fc.tuple(valuesArb([m, k]), valuesArb([k, n]))
  );
  fc.assert(
    fc.property(casesArb, ([a, b]) => {
      checkBothOrders((x) => square(matmul(x, new Variable(b))), a);
      checkBothOrders((x) => square(matmul(new Variable(a), x)), b);
      checkBothOrders((x) => matmul(x, transpose(x)), a);
    }),
    { seed: 20261130, numRuns: RUNS },
  );
});
