import assert from "node:assert/strict";
import { inspect } from "node:util";
import ndarray from "ndarray";
import { ensurePrinting, formatArray, installPrinting } from "./_format.ts";
import { contiguousStrides, type Float64NdArray, view } from "./_ndarray.ts";
import { array } from "./array.ts";
import { Variable } from "./variable.ts";
import { broadcastTo } from "../mod.ts";
import printFixtures from "./testdata/print_fixtures.json" with {
  type: "json",
};

// The reference strings are NumPy's str() of the same arrays, written by
// core/testdata/make_print_fixtures.py.
interface Fixture {
  note: string;
  shape: number[];
  values: string[];
  str: string;
  view?: "transpose" | "reverse" | "broadcast";
}

const fixtures = printFixtures as { numpy: string; cases: Fixture[] };

/** The fixture's array (its values repeated to fill the shape), as viewed. */
function arrayOf(fixture: Fixture): Float64NdArray {
  const { shape } = fixture;
  const values = fixture.values.map(Number);
  if (fixture.view === "broadcast") {
    const stride = shape.map((_, i) => i === shape.length - 1 ? 1 : 0);
    if (values.length === 1) stride[shape.length - 1] = 0;
    return view(new Float64Array(values), shape, stride, 0);
  }
  const size = shape.reduce((a, b) => a * b, 1);
  const data = new Float64Array(size);
  for (let i = 0; i < size; i++) data[i] = values[i % values.length];
  const a = view(data, shape, contiguousStrides(shape), 0);
  if (fixture.view === "transpose") {
    return a.transpose(...shape.map((_, i) => shape.length - 1 - i));
  }
  if (fixture.view === "reverse") {
    return a.step(...shape.map((_, i) => i === shape.length - 1 ? -1 : 1));
  }
  return a;
}

/** DeZero's `Variable.__repr__` applied to NumPy's `str()`. */
function dezeroRepr(numpyStr: string): string {
  return "variable(" + numpyStr.replaceAll("\n", "\n" + " ".repeat(9)) + ")";
}

/** Every case whose printed text differs from `expected(case)`. */
function mismatches(
  print: (fixture: Fixture) => string,
  expected: (fixture: Fixture) => string = (fixture) => fixture.str,
): string[] {
  const failures: string[] = [];
  for (const fixture of fixtures.cases) {
    const actual = print(fixture);
    if (actual !== expected(fixture)) {
      failures.push(
        `${fixture.note} ${JSON.stringify(fixture.shape)} ${
          fixture.view ?? ""
        }\nexpected:\n${expected(fixture)}\nactual:\n${actual}`,
      );
    }
  }
  return failures;
}

Deno.test(`String() of an array prints ${fixtures.cases.length} arrays exactly as NumPy ${fixtures.numpy}'s str()`, () => {
  const failures = mismatches((fixture) => String(arrayOf(fixture)));
  assert.equal(failures.length, 0, failures.slice(0, 5).join("\n\n"));
});

Deno.test("console.log shows an array as NumPy's str() in Deno and in Node", () => {
  const failures = [
    ...mismatches((fixture) => Deno.inspect(arrayOf(fixture))),
    ...mismatches((fixture) => inspect(arrayOf(fixture))),
  ];
  assert.equal(failures.length, 0, failures.slice(0, 5).join("\n\n"));
});

Deno.test("arrays and variables carry Node's own inspect hook, which Node's console.log calls", () => {
  // Deno's node:util honours Deno's hook too, so call Node's directly.
  const symbol = Symbol.for("nodejs.util.inspect.custom");
  const a = array([[1, 2.5], [-3, 0]]);
  const x = new Variable(a);
  const arrayHook = (a as unknown as Record<symbol, () => string>)[symbol];
  const variableHook = (x as unknown as Record<symbol, () => string>)[symbol];
  assert.equal(arrayHook.call(a), "[[ 1.   2.5]\n [-3.   0. ]]");
  assert.equal(
    variableHook.call(x),
    "variable([[ 1.   2.5]\n          [-3.   0. ]])",
  );
});

Deno.test("String() and console.log of a Variable wrap NumPy's str() as DeZero's __repr__ does", () => {
  const failures = [
    ...mismatches(
      (fixture) => String(new Variable(arrayOf(fixture))),
      (fixture) => dezeroRepr(fixture.str),
    ),
    ...mismatches(
      (fixture) => Deno.inspect(new Variable(arrayOf(fixture))),
      (fixture) => dezeroRepr(fixture.str),
    ),
    ...mismatches(
      (fixture) => inspect(new Variable(arrayOf(fixture))),
      (fixture) => dezeroRepr(fixture.str),
    ),
  ];
  assert.equal(failures.length, 0, failures.slice(0, 5).join("\n\n"));
});

Deno.test("String() of a Variable created with null is variable(None), as DeZero prints it", () => {
  assert.equal(String(new Variable(null)), "variable(None)");
  assert.equal(Deno.inspect(new Variable(null)), "variable(None)");
});

Deno.test("String() of arrays and variables follows the book's examples", () => {
  // str(np.array(16.0)) and DeZero's print(Variable(np.array(16.0))).
  assert.equal(String(array(16)), "16.0");
  assert.equal(String(new Variable(array(16))), "variable(16.0)");
  assert.equal(String(array([1, 2])), "[1. 2.]");
  assert.equal(
    String(new Variable(array([[1, 2, 3], [4, 5, 6]]))),
    "variable([[1. 2. 3.]\n          [4. 5. 6.]])",
  );
});

Deno.test("printing broadcast arrays of 1e7 to 3e10 elements takes milliseconds", () => {
  const huge = fixtures.cases.filter((fixture) =>
    fixture.view === "broadcast" &&
    fixture.shape.reduce((a, b) => a * b, 1) >= 1e7
  );
  assert.equal(huge.length, 4);
  for (const fixture of huge) {
    const a = arrayOf(fixture);
    const start = performance.now();
    const text = String(a);
    const elapsed = performance.now() - start;
    assert.equal(text, fixture.str);
    assert.ok(elapsed < 100, `${fixture.note} took ${elapsed} ms`);
  }
});

Deno.test("String(broadcastTo(x, [1e8])) and [5e9] print NumPy's summary in milliseconds", () => {
  // NumPy: str(np.broadcast_to(np.array(2.5), shape)).
  const row = "[2.5 2.5 2.5 ... 2.5 2.5 2.5]";
  const x = new Variable(array(2.5));
  for (const shape of [[1e8], [5e9]]) {
    const start = performance.now();
    const text = String(broadcastTo(x, shape));
    const elapsed = performance.now() - start;
    assert.equal(text, `variable(${row})`);
    assert.ok(elapsed < 100, `[${shape}] took ${elapsed} ms`);
  }
  const matrix = String(broadcastTo(x, [1e5, 1e5]).data);
  assert.equal(
    matrix,
    `[${row}\n ${row}\n ${row}\n ...\n ${row}\n ${row}\n ${row}]`,
  );
});

Deno.test("printing a summarised array reads only the shown elements", () => {
  const reads: number[] = [];
  const data = new Proxy(new Float64Array(2001).fill(7), {
    get(target, key) {
      if (typeof key === "string" && /^\d+$/.test(key)) reads.push(Number(key));
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const text = String(view(data, [2001], [1], 0));
  assert.equal(text, "[7. 7. 7. ... 7. 7. 7.]");
  assert.deepEqual(reads.sort((x, y) => x - y), [0, 1, 2, 1998, 1999, 2000]);
});

const inspectSymbols = [
  Symbol.for("Deno.customInspect"),
  Symbol.for("nodejs.util.inspect.custom"),
];

/** Assert that plain objects print as they did before anything ran. */
function assertObjectPrototypeUntouched(): void {
  for (const symbol of inspectSymbols) {
    assert.equal(Object.hasOwn(Object.prototype, symbol), false);
  }
  assert.equal(String({}), "[object Object]");
  assert.equal(Deno.inspect({ a: 1 }), "{ a: 1 }");
  assert.equal(inspect({ a: 1 }), "{ a: 1 }");
}

Deno.test("an ndarray-like object that is not an ndarray view never gets printing hooks on its prototype", () => {
  const fake = {
    data: new Float64Array([1, 2]),
    shape: [2],
    stride: [1],
    offset: 0,
    get(i: number): number {
      return this.data[i];
    },
  };
  // The Variable may reject it or accept it; either way no prototype that
  // other objects share is patched.
  try {
    const x = new Variable(fake as unknown as Float64NdArray);
    assert.equal(String(x), "variable([1. 2.])");
  } catch (error) {
    assert.ok(error instanceof TypeError);
  }
  ensurePrinting(fake as unknown as Float64NdArray);
  installPrinting(Object.prototype);
  assertObjectPrototypeUntouched();
  assert.equal(Object.hasOwn(fake, inspectSymbols[0]), false);
  assert.equal(formatArray(fake as unknown as Float64NdArray), "[1. 2.]");
});

Deno.test("a class of the user's that looks like an ndarray keeps its own printing", () => {
  class Lookalike {
    data = new Float64Array([1]);
    shape = [1];
    stride = [1];
    offset = 0;
    get(i: number): number {
      return this.data[i];
    }
  }
  const a = new Lookalike();
  ensurePrinting(a as unknown as Float64NdArray);
  installPrinting(Lookalike.prototype);
  for (const symbol of inspectSymbols) {
    assert.equal(symbol in a, false);
  }
  assert.equal(String(a), "[object Object]");
  assertObjectPrototypeUntouched();
});

Deno.test("an ndarray made with the ndarray package over a Float64Array prints as NumPy does", () => {
  const a = ndarray(new Float64Array([1, 2.5, 3]), [3]);
  ensurePrinting(a as unknown as Float64NdArray);
  assert.equal(String(a), "[1.  2.5 3. ]");
  assert.equal(Deno.inspect(a), "[1.  2.5 3. ]");
  // Over a plain Array it is another class, which is left alone.
  const generic = ndarray([1, 2, 3], [3]);
  ensurePrinting(generic as unknown as Float64NdArray);
  assert.equal(String(generic), "[object Object]");
  assertObjectPrototypeUntouched();
});
