import assert from "node:assert/strict";
import { array, mul, Parameter, toNested, Variable } from "../mod.ts";

Deno.test("Parameter is a Variable whose results are plain Variables", () => {
  const p = new Parameter(array([1, 2, 3]), { name: "p" });
  assert.ok(p instanceof Variable);
  assert.equal(p.name, "p");
  const y = mul(p, p);
  assert.ok(!(y instanceof Parameter));
  y.sum().backward();
  assert.deepEqual(toNested(p.grad!.data), [2, 4, 6]);
});

Deno.test("Parameter may start empty and get its data later", () => {
  const p = new Parameter(null);
  assert.equal(p.hasData, false);
  assert.throws(() => p.data, TypeError);
  p.data = array([[1]]);
  assert.deepEqual(p.shape, [1, 1]);
});
