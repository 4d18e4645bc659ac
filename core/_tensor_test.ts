import assert from "node:assert/strict";
import {
  contiguousStrides,
  type Float64NdArray,
  sizeOf,
  view,
} from "./_ndarray.ts";
import {
  broadcastArray,
  matmulArray,
  normalizeAxes,
  reshapeArray,
  sumArray,
  transposeArray,
} from "./_tensor.ts";
import { seededRandom } from "../testing/_random.ts";

// ---------------------------------------------------------------------------
// Independent references: they read elements only through `.get()` and walk
// indices with a plain counter, sharing no code with the kernels.

/** A seeded generator of numbers in [-1, 1). */
function generator(seed: number): () => number {
  const random = seededRandom(seed);
  return () => random() * 2 - 1;
}

/** A new contiguous array of `shape` filled from `random`. */
function randomArray(shape: number[], random: () => number): Float64NdArray {
  const data = new Float64Array(sizeOf(shape)).map(() => random());
  return view(data, shape, contiguousStrides(shape), 0);
}

/** Every index of `shape`, in row-major order. */
function indices(shape: readonly number[]): number[][] {
  const out: number[][] = [];
  if (shape.some((length) => length === 0)) return out;
  const index = new Array<number>(shape.length).fill(0);
  while (true) {
    out.push(index.slice());
    let axis = shape.length - 1;
    while (axis >= 0 && ++index[axis] === shape[axis]) index[axis--] = 0;
    if (axis < 0) return out;
  }
}

/** The elements of `a` in row-major order, read with `.get()`. */
function elements(a: Float64NdArray): number[] {
  return indices(a.shape).map((index) => a.get(...index));
}

/** Sum over `axes` by visiting each index and adding into a keyed slot. */
function referenceSum(
  a: Float64NdArray,
  axes: number[],
  keepdims: boolean,
): { shape: number[]; values: number[] } {
  const ndim = a.shape.length;
  const summed = (axis: number) => axes.includes(axis);
  const shape = a.shape.flatMap((length, axis) =>
    summed(axis) ? (keepdims ? [1] : []) : [length]
  );
  const totals = new Map<string, number>();
  for (const index of indices(shape)) totals.set(index.join(","), 0);
  for (const index of indices(a.shape)) {
    const key: number[] = [];
    for (let axis = 0; axis < ndim; axis++) {
      if (!summed(axis)) key.push(index[axis]);
      else if (keepdims) key.push(0);
    }
    const name = key.join(",");
    totals.set(name, totals.get(name)! + a.get(...index));
  }
  return { shape, values: [...totals.values()] };
}

/** The matrix product by the textbook triple loop. */
function referenceMatmul(a: Float64NdArray, b: Float64NdArray): number[][] {
  const [m, k] = a.shape;
  const n = b.shape[1];
  const out: number[][] = [];
  for (let i = 0; i < m; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) {
      let total = 0;
      for (let p = 0; p < k; p++) total += a.get(i, p) * b.get(p, j);
      row.push(total);
    }
    out.push(row);
  }
  return out;
}

function assertClose(actual: number[], expected: number[], what: string) {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    const tolerance = 1e-12 * (1 + Math.abs(expected[i])) * 64;
    assert.ok(
      Math.abs(actual[i] - expected[i]) <= tolerance,
      `${what}: element ${i} is ${actual[i]}, expected ${expected[i]}`,
    );
  }
}

function assertError(
  run: () => unknown,
  kind: typeof TypeError | typeof RangeError,
  message: string,
) {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof kind, `expected ${kind.name}, got ${error}`);
    assert.equal((error as Error).message, message);
    return true;
  });
}

/**
 * Arrays of many layouts: 0-d, 1-d, 3-d, empty, with an offset, transposed,
 * reversed, stepped and sliced. `contiguous` says whether the layout is plain
 * row-major (possibly with an offset).
 */
function samples(
  seed: number,
): { name: string; a: Float64NdArray; contiguous: boolean }[] {
  const random = generator(seed);
  const r = (shape: number[]) => randomArray(shape, random);
  return [
    { name: "0-d", a: r([]), contiguous: true },
    { name: "[1]", a: r([1]), contiguous: true },
    { name: "[5]", a: r([5]), contiguous: true },
    { name: "[3,4]", a: r([3, 4]), contiguous: true },
    { name: "[2,3,4]", a: r([2, 3, 4]), contiguous: true },
    { name: "[2,1,3,1]", a: r([2, 1, 3, 1]), contiguous: true },
    { name: "[0,3]", a: r([0, 3]), contiguous: true },
    { name: "[4,0,2]", a: r([4, 0, 2]), contiguous: true },
    { name: "[6] with offset", a: r([8]).lo(2), contiguous: true },
    { name: "rows 1.. of [4,3]", a: r([4, 3]).lo(1, 0), contiguous: true },
    {
      name: "[3,4] transposed",
      a: r([3, 4]).transpose(1, 0),
      contiguous: false,
    },
    {
      name: "[2,3,4] transposed (2,0,1)",
      a: r([2, 3, 4]).transpose(2, 0, 1),
      contiguous: false,
    },
    { name: "[7] reversed", a: r([7]).step(-1), contiguous: false },
    {
      name: "[5,6] stepped (2,-1)",
      a: r([5, 6]).step(2, -1),
      contiguous: false,
    },
    {
      name: "[4,5,6] sliced",
      a: r([4, 5, 6]).hi(3, 4, 5).lo(1, 1, 2),
      contiguous: false,
    },
    {
      name: "[3,1,4] with a stray stride on the 1",
      a: view(
        new Float64Array(12).map(() => random()),
        [3, 1, 4],
        [4, 99, 1],
        0,
      ),
      contiguous: true,
    },
  ];
}

// ---------------------------------------------------------------------------
// reshapeArray

Deno.test("reshapeArray() keeps the row-major elements of any layout", () => {
  for (const { name, a } of samples(1)) {
    const before = elements(a);
    const size = sizeOf(a.shape);
    const targets: number[][] = [[size], [-1], [1, size]];
    if (size > 0) targets.push([size, 1, -1]);
    if (size % 2 === 0 && size > 0) targets.push([2, -1], [2, size / 2]);
    if (size === 1) targets.push([]);
    for (const shape of targets) {
      const out = reshapeArray("Reshape", a, shape);
      const expectedShape = shape.map((length) =>
        length === -1 ? size / (-sizeOf(shape)) : length
      );
      assert.deepEqual(out.shape, expectedShape, `${name} to ${shape}`);
      assert.deepEqual(elements(out), before, `${name} to ${shape}`);
    }
    assert.deepEqual(elements(a), before, `${name}: input unchanged`);
  }
});

Deno.test("reshapeArray() views a contiguous array without copying", () => {
  for (const { name, a, contiguous } of samples(2)) {
    if (!contiguous || sizeOf(a.shape) === 0) continue;
    const out = reshapeArray("Reshape", a, [-1]);
    assert.equal(out.data, a.data, name);
    assert.equal(out.offset, a.offset, name);
    a.data[a.offset] = 42;
    assert.equal(out.get(0), 42, name);
  }
});

Deno.test("reshapeArray() copies a strided array before viewing it", () => {
  for (const { name, a, contiguous } of samples(3)) {
    if (contiguous || sizeOf(a.shape) === 0) continue;
    const out = reshapeArray("Reshape", a, [-1]);
    assert.notEqual(out.data, a.data, name);
    const first = out.get(0);
    a.data.fill(7);
    assert.equal(out.get(0), first, name);
  }
});

Deno.test("reshapeArray() rejects sizes and lengths that do not fit", () => {
  const a = randomArray([2, 3], generator(4));
  assertError(
    () => reshapeArray("Reshape", a, [4, 2]),
    TypeError,
    "Cannot reshape shape [2,3] to [4,2]: Reshape needs 6 elements, got 8",
  );
  assertError(
    () => reshapeArray("Reshape", a, [-1, 2, -1]),
    TypeError,
    "Cannot reshape shape [2,3] to [-1,2,-1]: Reshape allows at most one -1",
  );
  assertError(
    () => reshapeArray("Reshape", a, [4, -1]),
    TypeError,
    "Cannot reshape shape [2,3] to [4,-1]: Reshape needs 6 elements, got a multiple of 4",
  );
  assertError(
    () => reshapeArray("Reshape", a, [2, 1.5, 2]),
    TypeError,
    "Cannot reshape shape [2,3] to [2,1.5,2]: Reshape needs non-negative integer lengths or -1, got 1.5 at axis 1",
  );
  assertError(
    () => reshapeArray("Flatten", a, [-2, -3]),
    TypeError,
    "Cannot reshape shape [2,3] to [-2,-3]: Flatten needs non-negative integer lengths or -1, got -2 at axis 0",
  );
  assertError(
    () => reshapeArray("Reshape", a, [NaN]),
    TypeError,
    "Cannot reshape shape [2,3] to [NaN]: Reshape needs non-negative integer lengths or -1, got NaN at axis 0",
  );
  assertError(
    () => reshapeArray("Reshape", randomArray([0, 3], generator(5)), [0, -1]),
    TypeError,
    "Cannot reshape shape [0,3] to [0,-1]: Reshape cannot infer -1 next to a length of 0",
  );
  assert.deepEqual(
    reshapeArray("Reshape", randomArray([0, 3], generator(5)), [-1, 3]).shape,
    [0, 3],
  );
});

// ---------------------------------------------------------------------------
// transposeArray

Deno.test("transposeArray() reverses the axes by default", () => {
  for (const { name, a } of samples(6)) {
    const out = transposeArray("Transpose", a);
    assert.deepEqual(out.shape, a.shape.slice().reverse(), name);
    for (const index of indices(out.shape)) {
      assert.equal(out.get(...index), a.get(...index.slice().reverse()), name);
    }
  }
});

Deno.test("transposeArray() permutes axes, negative ones counted from the end", () => {
  const a = randomArray([2, 3, 4], generator(7)).step(1, -1, 2);
  for (
    const axes of [[0, 1, 2], [1, 2, 0], [2, 0, 1], [-1, 0, -2], [1, 0, 2]]
  ) {
    const out = transposeArray("Transpose", a, axes);
    const normalized = axes.map((axis) => (axis + 3) % 3);
    assert.deepEqual(out.shape, normalized.map((axis) => a.shape[axis]));
    for (const index of indices(out.shape)) {
      const source = new Array<number>(3);
      normalized.forEach((axis, i) => (source[axis] = index[i]));
      assert.equal(out.get(...index), a.get(...source), `axes ${axes}`);
    }
  }
  const scalar = randomArray([], generator(8));
  assert.equal(transposeArray("Transpose", scalar, []).get(), scalar.get());
});

Deno.test("transposeArray() returns a view sharing the input's storage", () => {
  const a = randomArray([2, 3], generator(9));
  const out = transposeArray("Transpose", a);
  assert.equal(out.data, a.data);
  a.data[1] = 42; // a[0,1]
  assert.equal(out.get(1, 0), 42);
});

Deno.test("transposeArray() rejects axes that are not a permutation", () => {
  const a = randomArray([2, 3], generator(10));
  assertError(
    () => transposeArray("Transpose", a, [0]),
    TypeError,
    "Cannot transpose shape [2,3] with axes [0]: Transpose needs 2 axes, got 1",
  );
  assertError(
    () => transposeArray("Transpose", a, [0, 2]),
    RangeError,
    "Cannot transpose shape [2,3] with axes [0,2]: Transpose needs axes in -2..1, got 2",
  );
  assertError(
    () => transposeArray("Transpose", a, [-3, 0]),
    RangeError,
    "Cannot transpose shape [2,3] with axes [-3,0]: Transpose needs axes in -2..1, got -3",
  );
  assertError(
    () => transposeArray("Transpose", a, [1, -1]),
    TypeError,
    "Cannot transpose shape [2,3] with axes [1,-1]: Transpose got axis 1 twice",
  );
  assertError(
    () => transposeArray("Transpose", a, [0.5, 1]),
    TypeError,
    "Cannot transpose shape [2,3] with axes [0.5,1]: Transpose needs integer axes, got 0.5",
  );
});

// ---------------------------------------------------------------------------
// normalizeAxes

Deno.test("normalizeAxes() sorts axes and counts negative ones from the end", () => {
  assert.deepEqual(normalizeAxes("Sum", undefined, 3), [0, 1, 2]);
  assert.deepEqual(normalizeAxes("Sum", undefined, 0), []);
  assert.deepEqual(normalizeAxes("Sum", 1, 3), [1]);
  assert.deepEqual(normalizeAxes("Sum", -1, 3), [2]);
  assert.deepEqual(normalizeAxes("Sum", [2, -3], 3), [0, 2]);
  assert.deepEqual(normalizeAxes("Sum", [-1, 1, 0], 3), [0, 1, 2]);
  assert.deepEqual(normalizeAxes("Sum", [], 3), []);
});

Deno.test("normalizeAxes() rejects out-of-range, repeated and fractional axes", () => {
  assertError(
    () => normalizeAxes("Sum", 2, 2),
    RangeError,
    "Cannot reduce over axes [2] of a 2-d array: Sum needs axes in -2..1, got 2",
  );
  assertError(
    () => normalizeAxes("Sum", [0, -3], 2),
    RangeError,
    "Cannot reduce over axes [0,-3] of a 2-d array: Sum needs axes in -2..1, got -3",
  );
  assertError(
    () => normalizeAxes("Sum", 0, 0),
    RangeError,
    "Cannot reduce over axes [0] of a 0-d array: Sum accepts no axis for a 0-d array, got 0",
  );
  assertError(
    () => normalizeAxes("Mean", [1, -2], 3),
    TypeError,
    "Cannot reduce over axes [1,-2] of a 3-d array: Mean got axis 1 twice",
  );
  assertError(
    () => normalizeAxes("Sum", [1.5], 3),
    TypeError,
    "Cannot reduce over axes [1.5] of a 3-d array: Sum needs integer axes, got 1.5",
  );
});

// ---------------------------------------------------------------------------
// sumArray

Deno.test("sumArray() matches a per-index reference on every axis choice", () => {
  for (const { name, a } of samples(11)) {
    const ndim = a.shape.length;
    const choices: (number | number[] | undefined)[] = [undefined, []];
    for (let axis = 0; axis < ndim; axis++) choices.push(axis, axis - ndim);
    for (let axis = 0; axis + 1 < ndim; axis++) choices.push([axis, axis + 1]);
    if (ndim >= 3) choices.push([0, ndim - 1]);
    const before = elements(a);
    for (const axes of choices) {
      for (const keepdims of [false, true]) {
        const what = `${name}, axes ${axes}, keepdims ${keepdims}`;
        const out = sumArray("Sum", a, axes, keepdims);
        const expected = referenceSum(
          a,
          normalizeAxes("Sum", axes, ndim),
          keepdims,
        );
        assert.deepEqual(out.shape, expected.shape, what);
        assertClose(elements(out), expected.values, what);
      }
    }
    assert.deepEqual(elements(a), before, `${name}: input unchanged`);
  }
});

Deno.test("sumArray() sums large strided arrays over mixed axes", () => {
  const random = generator(12);
  const a = randomArray([20, 30, 40], random).transpose(1, 2, 0).step(1, -1, 2);
  for (const axes of [undefined, 0, 1, 2, [0, 2], [1, 2]]) {
    const out = sumArray("Sum", a, axes);
    const expected = referenceSum(a, normalizeAxes("Sum", axes, 3), false);
    assert.deepEqual(out.shape, expected.shape);
    assertClose(elements(out), expected.values, `axes ${axes}`);
  }
});

Deno.test("sumArray() gives 0-d results, and zeros for empty arrays", () => {
  const a = view(new Float64Array([1, 2, 3, 4]), [2, 2], [2, 1], 0);
  const total = sumArray("Sum", a);
  assert.deepEqual(total.shape, []);
  assert.equal(total.get(), 10);
  assert.deepEqual(sumArray("Sum", a, undefined, true).shape, [1, 1]);
  assert.deepEqual(elements(sumArray("Sum", a, 0)), [4, 6]);
  assert.deepEqual(elements(sumArray("Sum", a, 1)), [3, 7]);
  const scalar = view(new Float64Array([0, 2.5]), [], [], 1);
  assert.equal(sumArray("Sum", scalar).get(), 2.5);
  assert.equal(sumArray("Sum", scalar, [], true).get(), 2.5);
  const empty = randomArray([0, 3], generator(13));
  assert.equal(sumArray("Sum", empty).get(), 0);
  assert.deepEqual(elements(sumArray("Sum", empty, 0)), [0, 0, 0]);
  assert.deepEqual(sumArray("Sum", empty, 1).shape, [0]);
});

Deno.test("sumArray() returns a new array, never a view of its input", () => {
  const a = randomArray([3], generator(14));
  const out = sumArray("Sum", a, []);
  assert.notEqual(out.data, a.data);
  assert.deepEqual(elements(out), elements(a));
});

Deno.test("sumArray() names the caller when an axis is out of range", () => {
  assertError(
    () => sumArray("SumTo", randomArray([2, 3], generator(15)), 2),
    RangeError,
    "Cannot reduce over axes [2] of a 2-d array: SumTo needs axes in -2..1, got 2",
  );
});

// ---------------------------------------------------------------------------
// broadcastArray

Deno.test("broadcastArray() stretches axes of length 1 and prepends axes", () => {
  const random = generator(16);
  const cases: [Float64NdArray, number[]][] = [
    [randomArray([], random), [2, 3]],
    [randomArray([3], random), [2, 3]],
    [randomArray([2, 1], random), [2, 4]],
    [randomArray([1], random), [0]],
    [randomArray([2, 1, 3], random), [4, 2, 5, 3]],
    [randomArray([3, 1], random).transpose(1, 0), [2, 4, 3]],
    [randomArray([6, 2], random).step(-2, 1).hi(3, 1), [3, 3, 2]],
    [randomArray([2, 3], random), [2, 3]],
  ];
  for (const [a, shape] of cases) {
    const out = broadcastArray("BroadcastTo", a, shape);
    const what = `[${a.shape}] to [${shape}]`;
    assert.deepEqual(out.shape, shape, what);
    assert.equal(out.data, a.data, what);
    const lead = shape.length - a.shape.length;
    for (const index of indices(shape)) {
      const source = index.slice(lead).map((i, axis) =>
        a.shape[axis] === 1 ? 0 : i
      );
      assert.equal(out.get(...index), a.get(...source), what);
    }
  }
});

Deno.test("broadcastArray() shares storage with stride 0 on new axes", () => {
  const a = view(new Float64Array([1, 2, 3]), [3], [1], 0);
  const out = broadcastArray("BroadcastTo", a, [4, 3]);
  assert.deepEqual(out.stride, [0, 1]);
  a.data[2] = 30;
  for (let i = 0; i < 4; i++) assert.equal(out.get(i, 2), 30);
});

Deno.test("broadcastArray() rejects shapes it cannot broadcast to", () => {
  const a = randomArray([2, 3], generator(17));
  assertError(
    () => broadcastArray("BroadcastTo", a, [3, 2]),
    TypeError,
    "Cannot broadcast shape [2,3] to [3,2]: BroadcastTo needs dimension 0 to be 1 or 3, got 2",
  );
  assertError(
    () => broadcastArray("BroadcastTo", a, [4, 2, 4]),
    TypeError,
    "Cannot broadcast shape [2,3] to [4,2,4]: BroadcastTo needs dimension 1 to be 1 or 4, got 3",
  );
  assertError(
    () => broadcastArray("BroadcastTo", a, [3]),
    TypeError,
    "Cannot broadcast shape [2,3] to [3]: BroadcastTo needs at least 2 dimensions in the target, got 1",
  );
  assertError(
    () => broadcastArray("Add", randomArray([1], generator(18)), [2, -1]),
    TypeError,
    "Cannot broadcast shape [1] to [2,-1]: Add needs non-negative integer lengths, got -1 at axis 1",
  );
});

// ---------------------------------------------------------------------------
// matmulArray

Deno.test("matmulArray() matches the triple loop on many shapes", () => {
  const random = generator(19);
  const r = (shape: number[]) => randomArray(shape, random);
  const cases: [string, Float64NdArray, Float64NdArray][] = [
    ["1x1 @ 1x1", r([1, 1]), r([1, 1])],
    ["2x3 @ 3x4", r([2, 3]), r([3, 4])],
    ["5x7 @ 7x3", r([5, 7]), r([7, 3])],
    ["3x1 @ 1x4", r([3, 1]), r([1, 4])],
    ["1x9 @ 9x1", r([1, 9]), r([9, 1])],
    // Past the cache blocks (128 along k, 256 along n), with remainders.
    ["131x301 @ 301x263", r([131, 301]), r([301, 263])],
    ["transposed @ reversed", r([6, 5]).transpose(1, 0), r([6, 4]).step(-1, 1)],
    [
      "sliced @ stepped",
      r([7, 9]).lo(1, 2).hi(5, 6),
      r([12, 10]).step(2, -3),
    ],
    ["offset rows", r([5, 3]).lo(2, 0), r([3, 2])],
  ];
  for (const [name, a, b] of cases) {
    const beforeA = elements(a);
    const beforeB = elements(b);
    const out = matmulArray("Matmul", a, b);
    const expected = referenceMatmul(a, b);
    assert.deepEqual(out.shape, [a.shape[0], b.shape[1]], name);
    assertClose(elements(out), expected.flat(), name);
    assert.deepEqual(elements(a), beforeA, `${name}: left input unchanged`);
    assert.deepEqual(elements(b), beforeB, `${name}: right input unchanged`);
  }
});

Deno.test("matmulArray() gives zeros or empty results for empty operands", () => {
  const random = generator(20);
  const zeroInner = matmulArray(
    "Matmul",
    randomArray([2, 0], random),
    randomArray([0, 3], random),
  );
  assert.deepEqual(zeroInner.shape, [2, 3]);
  assert.deepEqual(elements(zeroInner), [0, 0, 0, 0, 0, 0]);
  const noRows = matmulArray(
    "Matmul",
    randomArray([0, 3], random),
    randomArray([3, 2], random),
  );
  assert.deepEqual(noRows.shape, [0, 2]);
});

Deno.test("matmulArray() propagates NaN and infinity like plain arithmetic", () => {
  const a = view(new Float64Array([0, 1, 1, 1]), [2, 2], [2, 1], 0);
  const b = view(new Float64Array([NaN, 1, Infinity, 2]), [2, 2], [2, 1], 0);
  // 0 * NaN and 0 * Infinity are NaN: skipping zeros would hide that.
  const out = matmulArray("Matmul", a, b);
  assert.ok(Number.isNaN(out.get(0, 0)));
  assert.equal(out.get(0, 1), 2);
  assert.ok(Number.isNaN(out.get(1, 0)));
});

Deno.test("matmulArray() rejects non-matrices and mismatched inner lengths", () => {
  const random = generator(21);
  assertError(
    () =>
      matmulArray(
        "Matmul",
        randomArray([2, 3], random),
        randomArray([4, 5], random),
      ),
    TypeError,
    "Cannot multiply shapes [2,3] and [4,5]: Matmul needs the inner dimensions to agree, got 3 and 4",
  );
  assertError(
    () =>
      matmulArray(
        "MatMul",
        randomArray([3], random),
        randomArray([3, 2], random),
      ),
    TypeError,
    "Cannot multiply shapes [3] and [3,2]: MatMul needs 2-d arrays, got 1-d and 2-d",
  );
  assertError(
    () =>
      matmulArray(
        "Matmul",
        randomArray([2, 3], random),
        randomArray([2, 3, 4], random),
      ),
    TypeError,
    "Cannot multiply shapes [2,3] and [2,3,4]: Matmul needs 2-d arrays, got 2-d and 3-d",
  );
});
