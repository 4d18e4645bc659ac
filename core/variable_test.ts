import assert from "node:assert/strict";
// @ts-types="@types/ndarray"
import ndarray from "ndarray";
import { array, exp, square, toNested, Variable } from "../mod.ts";

Deno.test("Variable holds its data, no grad and no creator", () => {
  const data = array(1.0);
  const x = new Variable(data, { name: "x" });
  assert.equal(x.data, data);
  assert.equal(x.grad, null);
  assert.equal(x.creator, null);
  assert.equal(x.name, "x");
});

Deno.test("Variable rejects data that is not a float64 ndarray", async (t) => {
  const cases: [string, unknown, RegExp][] = [
    ["a number", 1, /number 1.*new Variable\(array\(1\)\)/],
    ["a string", "1", /string "1"/],
    ["a plain array", [1, 2], /array of length 2/],
    ["an object", { a: 1 }, /Cannot use object/],
    ["undefined", undefined, /undefined/],
    [
      "a float32 ndarray",
      ndarray(new Float32Array(2), [2]),
      /float32 ndarray of shape \[2\]/,
    ],
    ["a Float64Array", new Float64Array(2), /Float64Array of length 2/],
  ];
  for (const [what, value, message] of cases) {
    await t.step(what, () => {
      assert.throws(
        () => new Variable(value as never),
        (e: Error) =>
          e instanceof TypeError && message.test(e.message) &&
          /expected a float64 ndarray/.test(e.message),
      );
    });
  }
});

Deno.test("Variable accepts null as a placeholder and says so when read", () => {
  const w = new Variable(null, { name: "W" });
  assert.equal(w.hasData, false);
  assert.throws(() => w.data, /variable "W".*created with null/);
  w.data = array([1, 2]);
  assert.equal(w.hasData, true);
  assert.equal(String(w), "variable([1. 2.])");
});

Deno.test("assigning bad data or a mis-shaped grad throws and keeps the old values", () => {
  const x = new Variable(array([1, 2]));
  const before = x.data;
  assert.throws(() => (x.data = 3 as never), TypeError);
  assert.equal(x.data, before);
  assert.throws(
    () => (x.grad = array([1, 2, 3])),
    (e: Error) =>
      e instanceof TypeError &&
      /expected shape \[2\], got \[3\]/.test(e.message),
  );
  assert.equal(x.grad, null);
});

Deno.test("Variable prints as DeZero does, with aligned rows", () => {
  // DeZero: print(Variable(np.array(1.0))) shows variable(1.0).
  assert.equal(String(new Variable(array(1))), "variable(1.0)");
  const m = new Variable(array([[1, 2], [3, 4]]));
  assert.equal(String(m), "variable([[1. 2.]\n          [3. 4.]])");
  assert.equal(Deno.inspect(m), String(m));
  assert.equal(Deno.inspect(m.data), "[[1. 2.]\n [3. 4.]]");
  const userMade = ndarray(new Float64Array([5, 6]), [2]);
  assert.equal(String(new Variable(userMade).data), "[5. 6.]");
});

Deno.test("backward() seeds the output gradient with ones of its shape", () => {
  const x = new Variable(array([[1, 2], [3, 4]]));
  const y = square(x);
  y.backward({ retainGrad: true });
  assert.deepEqual(y.grad?.shape, [2, 2]);
  assert.equal(y.grad?.data.get(1, 1), 1);
});

Deno.test("backward() uses a gradient set on the output as its seed", () => {
  const x = new Variable(array(3));
  const y = square(x);
  y.grad = array(0.5);
  y.backward();
  assert.equal(x.grad?.data.get(), 3); // 2 * 3 * 0.5
});

Deno.test("backward() of (e^(x²))² at 0.5 matches the hand-derived 4x·e^(2x²)", () => {
  const x = new Variable(array(0.5));
  const y = square(exp(square(x)));
  y.backward();
  // d/dx (e^(x²))² = 4x·e^(2x²), derived by hand.
  assert.ok(
    Math.abs(x.grad!.data.get() - 4 * 0.5 * Math.exp(2 * 0.25)) < 1e-15,
  );
});

Deno.test("backward() on a leaf leaves ones as its gradient", () => {
  const x = new Variable(array([1, 2]));
  x.backward();
  assert.deepEqual(toNested(x.grad!.data), [1, 1]);
});

Deno.test("creator links lead from the output back to the input (step 7)", () => {
  const x = new Variable(array(0.5));
  const a = square(x);
  const b = exp(a);
  const y = square(b);
  assert.equal(y.creator?.input, b);
  assert.equal(y.creator?.input.creator?.input, a);
  assert.equal(y.creator?.input.creator?.input.creator?.input, x);
  assert.equal(x.creator, null);
  assert.equal(a.creator?.output, a);
});
