// The memory of a first-order backward (core/_grad_memory.ts): the default
// ones seed is never allocated when the first function reads it as a view, and
// a gradient nobody else can reach takes its consumer's result in place. The
// gradients must come out exactly as without these savings, in every way a
// gradient can be shared, and nothing a user can reach may ever be written.
//
// Arrays here have more than 16 elements: smaller ones come from a pool and
// are left out of the savings. `largeStorageCount` counts the storages the
// library allocates, so a test fails if a saving silently stops applying.

import assert from "node:assert/strict";
import {
  add,
  array,
  cos,
  div,
  Exp,
  exp,
  type Float64NdArray,
  Function,
  grad,
  log,
  mul,
  neg,
  relu,
  reshape,
  sigmoid,
  sin,
  Square,
  square,
  sub,
  sum,
  tanh,
  toFloat64Array,
  transpose,
  Variable,
} from "../mod.ts";
import { copyOf, isExact, largeStorageCount } from "./_ndarray.ts";
import { assertAllClose, gradientCheck } from "../testing/mod.ts";

const N = 40;

/** Values from `low` to `high` in `shape` (default [N]). */
function ramp(
  shape: readonly number[] = [N],
  low = -1,
  high = 1,
): Float64NdArray {
  const size = shape.reduce((p, n) => p * n, 1);
  const data = new Float64Array(size);
  for (let i = 0; i < size; i++) data[i] = low + (high - low) * i / (size - 1);
  return array(data, { shape });
}

function values(a: Variable | Float64NdArray | null): number[] {
  assert.notEqual(a, null);
  return Array.from(toFloat64Array(a!));
}

/** How many large storages `run` allocated. */
function allocations(run: () => void): number {
  const before = largeStorageCount();
  run();
  return largeStorageCount() - before;
}

/**
 * The gradients of `f` at `points` by the recorded path (createGraph), which
 * allocates every gradient afresh: the reference, bit for bit.
 */
function reference(
  f: (...xs: Variable[]) => Variable,
  points: Float64NdArray[],
): number[][] {
  const xs = points.map((p) => new Variable(p));
  return grad(f(...xs), xs, { createGraph: true }).map(values);
}

/** The gradients of `f` by `backward()`, and the storages it allocated. */
function firstOrder(
  f: (...xs: Variable[]) => Variable,
  points: Float64NdArray[],
): { grads: number[][]; allocated: number; xs: Variable[] } {
  const xs = points.map((p) => new Variable(p));
  const y = f(...xs);
  const allocated = allocations(() => y.backward());
  return { grads: xs.map((x) => values(x.grad)), allocated, xs };
}

function check(
  f: (...xs: Variable[]) => Variable,
  points: Float64NdArray[],
  expectedAllocations: number,
): Variable[] {
  const { grads, allocated, xs } = firstOrder(f, points);
  assert.deepEqual(grads, reference(f, points));
  assert.equal(allocated, expectedAllocations);
  return xs;
}

Deno.test("square(exp(square(x))): backward allocates one array, x's gradient", () => {
  const f = (x: Variable) => square(exp(square(x)));
  const [x] = check(f, [ramp()], 1);
  // By hand: 2e · e · 2x with e = exp(x²).
  const expected = values(ramp()).map((v) => {
    const e = Math.exp(v * v);
    return 2 * e * e * 2 * v;
  });
  assertAllClose(x.grad!, array(expected), { rtol: 1e-14 });
  // The gradient handed over owns a storage of exactly its elements.
  assert.ok(isExact(x.grad!.data));
  // grad() takes the same path.
  const z = new Variable(ramp());
  const y = f(z);
  assert.equal(allocations(() => grad(y, z)), 1);
});

Deno.test("the other unary functions and a constant factor or divisor write in place", () => {
  const f = (x: Variable) => neg(tanh(div(log(mul(exp(sub(x, 3)), 2)), 4)));
  check(f, [ramp()], 1);
  // sub(3, x) and mul(2, x): the constant first.
  check((x) => exp(sub(3, mul(2, exp(x)))), [ramp()], 1);
});

Deno.test("sigmoid and relu write their gradient in place", () => {
  check((x) => relu(sigmoid(exp(x))), [ramp()], 1);
  check((x) => sigmoid(relu(sub(x, 0.5))), [ramp()], 1);
});

Deno.test("sin and cos write their product into the slope they make", () => {
  // One slope each; the gradient reaching sin is written in neither.
  check((x) => sin(cos(x)), [ramp()], 2);
});

Deno.test("two gradients of one variable are summed into one of them", () => {
  // exp's gradient is one fresh array, sin's goes into its slope, the sum
  // into one of the two.
  check((x) => add(exp(x), sin(x)), [ramp()], 2);
  // Mul of a variable by itself: two products, summed in place.
  check((x) => exp(mul(x, x)), [ramp()], 2);
  // A non-leaf used twice: exp's product and sin's slope; the sum and
  // square's product in place.
  check(
    (x) => {
      const h = square(x);
      return add(exp(h), sin(h));
    },
    [ramp()],
    2,
  );
});

Deno.test("Add hands one gradient to two consumers: neither writes into it", () => {
  // square's gradient G goes through add to exp and sin: if either wrote into
  // G, the other would read its result instead.
  const [a, b] = check(
    (a, b) => square(add(exp(a), sin(b))),
    [ramp(), ramp([N], 0, 2)],
    3,
  );
  const av = values(ramp());
  const bv = values(ramp([N], 0, 2));
  const g = av.map((v, i) => 2 * (Math.exp(v) + Math.sin(bv[i])));
  const close = { rtol: 1e-14 };
  assertAllClose(a.grad!, array(g.map((v, i) => v * Math.exp(av[i]))), close);
  assertAllClose(b.grad!, array(g.map((v, i) => v * Math.cos(bv[i]))), close);
  // One consumer is a leaf: it keeps G, and exp must not write into it.
  const [c, d] = check((c, d) => square(add(exp(c), d)), [ramp(), ramp()], 2);
  const ev = values(exp(ramp()));
  assert.deepEqual(values(d.grad), av.map((v, i) => 2 * (ev[i] + v)));
  assert.notEqual(c.grad!.data.data, d.grad!.data.data);
  // The implicit seed through add: both leaves get real arrays of ones.
  const e = new Variable(ramp());
  const f = new Variable(ramp());
  add(e, f).backward();
  for (const leaf of [e, f]) {
    assert.ok(isExact(leaf.grad!.data));
    assert.deepEqual(values(leaf.grad), new Array(N).fill(1));
  }
  assert.notEqual(e.grad!.data.data, f.grad!.data.data);
});

Deno.test("reshape views are written in place, transposed views are not", () => {
  check((x) => square(reshape(exp(x), [5, 8])), [ramp()], 1);
  // The transposed gradient is a strided view: exp writes a new array.
  check((x) => square(transpose(exp(x))), [ramp([5, 8])], 2);
  check((x) => square(transpose(transpose(exp(x)))), [ramp([5, 8])], 1);
});

Deno.test("two leaves reached by views of one gradient get two arrays", () => {
  const a = new Variable(ramp([5, 8]));
  const b = new Variable(ramp());
  exp(add(reshape(a, [N]), b)).backward();
  assert.notEqual(a.grad!.data.data, b.grad!.data.data);
  const expected = values(b.grad);
  a.grad!.data.data.fill(0);
  assert.deepEqual(values(b.grad), expected);

  const c = new Variable(ramp([5, 8]));
  const d = new Variable(ramp([8, 5]));
  exp(add(transpose(c), d)).backward();
  assert.notEqual(c.grad!.data.data, d.grad!.data.data);
  assert.deepEqual(values(transpose(c.grad!)), values(d.grad));
});

Deno.test("retainGrad: y.grad is a real array of ones and no kept gradient is written", () => {
  const x = new Variable(ramp());
  const s = square(x);
  const e = exp(s);
  const y = square(e);
  y.backward({ retainGrad: true });
  assert.ok(isExact(y.grad!.data));
  assert.deepEqual(values(y.grad), new Array(N).fill(1));
  const ev = values(e);
  const xv = values(x);
  assert.deepEqual(values(e.grad), ev.map((v) => 2 * v));
  assert.deepEqual(values(s.grad), ev.map((v) => 2 * v * v));
  assert.deepEqual(values(x.grad), ev.map((v, i) => 2 * v * v * 2 * xv[i]));
  const storages = [y, e, s, x].map((v) => v.grad!.data.data);
  assert.equal(new Set(storages).size, 4);
  // Again: y.grad is the seed now, the other kept gradients accumulate
  // into new arrays.
  const held = [y, e, s, x].map((v) => v.grad!);
  const before = held.map(values);
  y.backward({ retainGrad: true });
  assert.deepEqual(held.map(values), before);
  assert.deepEqual(values(y.grad), new Array(N).fill(1));
  assert.deepEqual(values(e.grad), ev.map((v) => 4 * v));
  assert.deepEqual(values(x.grad), before[3].map((v) => 2 * v));
});

Deno.test("grad() with an intermediate among the inputs keeps its gradient intact", () => {
  const x = new Variable(ramp());
  const e = exp(square(x));
  const y = square(e);
  const [ge, gx, gy] = grad(y, [e, x, y]);
  const ev = values(e);
  assert.deepEqual(values(ge), ev.map((v) => 2 * v));
  assert.deepEqual(
    values(gx),
    reference((x) => square(exp(square(x))), [ramp()])[0],
  );
  assert.ok(isExact(gy!.data));
  assert.deepEqual(values(gy), new Array(N).fill(1));
});

Deno.test("several outputs: the implicit seeds are summed with the other gradients", () => {
  const x = new Variable(ramp());
  const e = exp(x);
  const y = square(e);
  const [gx] = grad([e, y, y], [x]);
  const ev = values(e);
  assertAllClose(gx!, array(ev.map((v) => v * (1 + 4 * v))), { rtol: 1e-14 });
});

Deno.test("seeds of the user's are never written", () => {
  const seedValues = values(ramp([N], 2, 3));
  // y.grad as the seed.
  const x = new Variable(ramp());
  const y = square(exp(square(x)));
  const seed = new Variable(ramp([N], 2, 3));
  y.grad = seed;
  y.backward();
  assert.deepEqual(values(seed), seedValues);
  // grad() with gradOutputs, as a Variable and as an array.
  const array1 = ramp([N], 2, 3);
  let g1: Variable | null = null;
  // The first product is new, the others go where it is.
  assert.equal(
    allocations(() => [g1] = grad(y, [x], { gradOutputs: [array1] })),
    1,
  );
  assert.deepEqual(values(array1), seedValues);
  assert.deepEqual(values(g1), values(x.grad));
  // A seed passed through add to a consumer and to a leaf.
  const a = new Variable(ramp());
  const b = new Variable(ramp());
  const z = add(square(exp(a)), b);
  const seed2 = new Variable(ramp([N], 2, 3));
  z.grad = seed2;
  z.backward();
  assert.deepEqual(values(seed2), seedValues);
  assert.deepEqual(values(b.grad), seedValues);
  const av = values(a);
  assertAllClose(
    a.grad!,
    array(seedValues.map((g, i) => g * 2 * Math.exp(2 * av[i]))),
    { rtol: 1e-14 },
  );
});

Deno.test("a gradient of the user's passed through add or reshape is never written", () => {
  // add with a constant and reshape hand their gradient on unchanged; exp
  // after them may write only into gradients of the pass's own.
  const seedValues = values(ramp([N], 2, 3));
  for (
    const f of [
      (a: Variable) => add(exp(a), 3),
      (a: Variable) => reshape(exp(a), [5, 8]),
    ]
  ) {
    const a = new Variable(ramp());
    const y = f(a);
    const seed = new Variable(ramp(y.shape, 2, 3));
    y.grad = seed;
    y.backward();
    assert.deepEqual(values(seed), seedValues);
    const [ga] = grad(f(a), [a], { gradOutputs: [ramp(y.shape, 2, 3)] });
    assert.deepEqual(values(ga), values(a.grad));
    // The same gradient kept by retainGrad or grad().
    const b = new Variable(ramp());
    const t = f(b);
    const z = square(t);
    z.backward({ retainGrad: true });
    const tv = values(t);
    assert.deepEqual(values(t.grad), tv.map((v) => 2 * v));
    const [gt] = grad(z, [t, b]);
    assert.deepEqual(values(gt), tv.map((v) => 2 * v));
  }
});

Deno.test("a seed reaching a leaf that has a gradient is added to it, not into it", () => {
  const x = new Variable(ramp());
  x.grad = new Variable(ramp([N], 2, 3));
  const old = x.grad;
  // exp's gradient is the pass's own; the seed is not.
  const w = new Variable(ramp());
  const y = add(x, exp(w));
  const seed = new Variable(ramp([N], 5, 6));
  y.grad = seed;
  y.backward();
  assert.deepEqual(values(old), values(ramp([N], 2, 3)));
  assert.deepEqual(values(seed), values(ramp([N], 5, 6)));
  const sums = values(ramp([N], 2, 3)).map((v, i) =>
    v + values(ramp([N], 5, 6))[i]
  );
  assert.deepEqual(values(x.grad), sums);
});

Deno.test("a gradient kept from an earlier pass is never written by a later one", () => {
  const x = new Variable(ramp());
  const s = square(x);
  const e = exp(s);
  const y = square(e);
  y.backward({ retainGrad: true });
  const heldX = x.grad!;
  const heldE = e.grad!;
  const xFirst = values(heldX);
  const eFirst = values(heldE);
  y.backward();
  y.backward({ retainGrad: true });
  assert.deepEqual(values(heldX), xFirst);
  assert.deepEqual(values(heldE), eFirst);
  assert.deepEqual(values(x.grad), xFirst.map((v) => 3 * v));
  // x.grad as the seed of a pass of its own.
  const w = new Variable(ramp());
  const t = exp(w);
  t.grad = x.grad;
  const seedValues = values(x.grad);
  t.backward();
  assert.deepEqual(values(x.grad), seedValues);
});

Deno.test("createGraph keeps the recorded path", () => {
  const x = new Variable(ramp());
  const y = square(exp(x));
  y.backward({ createGraph: true });
  const gx = x.grad!;
  assert.notEqual(gx.creator, null);
  const xv = values(x);
  assertAllClose(gx, array(xv.map((v) => 2 * Math.exp(2 * v))), {
    rtol: 1e-14,
  });
  x.clearGrad();
  sum(gx).backward();
  assertAllClose(x.grad!, array(xv.map((v) => 4 * Math.exp(2 * v))), {
    rtol: 1e-14,
  });
});

Deno.test("a function of the user's gets real arrays and nothing it keeps is written", () => {
  // Passes its gradient through and keeps it.
  class Keep extends Function {
    kept: Variable[] = [];
    forward(x: Float64NdArray): Float64NdArray {
      return copyOf(x);
    }
    backward(gy: Variable): Variable {
      this.kept.push(gy);
      return gy;
    }
  }
  const x = new Variable(ramp());
  const keep = new Keep();
  const e = exp(keep.call(square(x)));
  const y = square(e);
  y.backward();
  const ev = values(e);
  // Keep's upstream gradient is 2e · e; square's backward comes after it
  // and must not write its result there.
  assert.deepEqual(values(keep.kept[0]), ev.map((v) => 2 * v * v));
  // A user's Function first in line gets a real array of ones.
  const keep2 = new Keep();
  keep2.call(exp(x)).backward();
  assert.ok(isExact(keep2.kept[0].data));
  assert.deepEqual(values(keep2.kept[0]), new Array(N).fill(1));

  // A subclass with a backwardData of its own is not trusted either.
  class KeepExp extends Exp {
    kept: Float64NdArray[] = [];
    override backwardData(gy: Float64NdArray): Float64NdArray {
      this.kept.push(gy);
      return super.backwardData(gy);
    }
  }
  const z = new Variable(ramp());
  const k = new KeepExp();
  const out = k.call(z);
  square(out).backward();
  const ov = values(out);
  assert.deepEqual(values(k.kept[0]), ov.map((v) => 2 * v));
  assert.ok(isExact(k.kept[0]));
  const k2 = new KeepExp();
  k2.call(square(z)).backward();
  assert.ok(isExact(k2.kept[0]));
  assert.deepEqual(values(k2.kept[0]), new Array(N).fill(1));
});

Deno.test("an instance given a backwardData of its own is not trusted", () => {
  const kept: Float64NdArray[] = [];
  const keepGy = (e: Exp) => {
    e.backwardData = function (this: Exp, gy: Float64NdArray) {
      kept.push(gy);
      return Exp.prototype.backwardData.call(this, gy);
    };
    return e;
  };
  const x = new Variable(ramp());
  const e = keepGy(new Exp()).call(x);
  square(e).backward();
  const ev = values(e);
  assert.deepEqual(values(kept[0]), ev.map((v) => 2 * v));
  keepGy(new Exp()).call(x).backward();
  assert.ok(isExact(kept[1]));
});

Deno.test("a gradient a user's backward keeps is never summed or written into", () => {
  // Its backwardData returns an array it keeps (legal, if odd).
  class Constant extends Function {
    readonly slope = ramp([N], 5, 6);
    forward(x: Float64NdArray): Float64NdArray {
      return copyOf(x);
    }
    backward(): Variable {
      return new Variable(this.slope);
    }
    override backwardData(): Float64NdArray {
      return this.slope;
    }
  }
  const w = new Variable(ramp());
  const h = exp(w);
  const c = new Constant();
  const y = add(c.call(h), square(h));
  y.backward();
  assert.deepEqual(values(c.slope), values(ramp([N], 5, 6)));
  const hv = values(h);
  const slope = values(ramp([N], 5, 6));
  assert.deepEqual(
    values(w.grad),
    hv.map((v, i) => (slope[i] + 2 * v) * v),
  );
});

Deno.test("a subclass overriding backward gets neither the fused path nor a view", () => {
  class TripleSquare extends Square {
    seen: Variable[] = [];
    override backward(gy: Variable): Variable {
      this.seen.push(gy);
      return mul(gy, mul(this.inputs[0], 6));
    }
  }
  const x = new Variable(ramp());
  const t = new TripleSquare();
  exp(t.call(x)).backward();
  const xv = values(x);
  assertAllClose(
    x.grad!,
    array(xv.map((v) => Math.exp(v * v) * 6 * v)),
    { rtol: 1e-14 },
  );
  const t2 = new TripleSquare();
  t2.call(x).backward();
  assert.ok(isExact(t2.seen[0].data));
});

Deno.test("a backward nested in a user's backward leaves the outer pass intact", () => {
  const innerExpected = reference((z) => square(exp(square(z))), [ramp()])[0];
  // Built beforehand: during a backward without createGraph nothing records.
  const z = new Variable(ramp());
  const inner = square(exp(square(z)));
  class Inner extends Function {
    forward(x: Float64NdArray): Float64NdArray {
      return copyOf(x);
    }
    backward(gy: Variable): Variable {
      // A pass of its own on large arrays, in the middle of the outer one.
      inner.backward();
      return mul(gy, 1);
    }
  }
  // Outer: square's result (1), Inner's product (1), then exp's (1) as
  // Inner's is not the pass's to write; inner: one. Twice (the reference).
  check((x) => square(exp(new Inner().call(exp(square(x))))), [ramp()], 4);
  assert.deepEqual(values(z.grad), innerExpected.map((v) => 2 * v));
});

Deno.test("gradientCheck agrees on a graph that shares and reuses gradients", () => {
  const f = (x: Variable, w: Variable) => {
    const h = exp(mul(x, 0.5));
    const v = reshape(add(square(h), sin(w)), [8, 5]);
    return add(
      tanh(transpose(v)),
      square(transpose(sub(h, w)).reshape([5, 8])),
    );
  };
  gradientCheck(f, [ramp([N]), ramp([N], 0, 1)]);
});

Deno.test("an instance with its own backward does not take the fused path from its class", () => {
  // A class of its own, so no other test has decided its fused path yet.
  class Squared extends Square {}
  const odd = new Squared();
  odd.backward = (gy: Variable) => mul(gy, mul(odd.inputs[0], 2));
  const x = new Variable(ramp());
  odd.call(x).backward();
  assert.deepEqual(values(x.grad), values(ramp()).map((v) => 2 * v));
  // The next plain instance still gets the fused, in-place gradient: one
  // array (x's gradient), where the recorded path would make two.
  const z = new Variable(ramp());
  const y = new Squared().call(z);
  assert.equal(allocations(() => y.backward()), 1);
  assert.deepEqual(values(z.grad), values(ramp()).map((v) => 2 * v));
});
