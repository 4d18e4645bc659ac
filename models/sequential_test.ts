import assert from "node:assert/strict";
import { array, relu, type Variable } from "../mod.ts";
import { assertAllClose } from "../testing/mod.ts";
import { Linear } from "../layers/linear.ts";
import { Layer } from "../layers/layer.ts";
import { Sequential } from "./sequential.ts";

class Relu extends Layer {
  forward(x: Variable): Variable {
    return relu(x);
  }
}

Deno.test("Sequential applies its layers in order", () => {
  const a = new Linear(4, { inSize: 3 });
  const b = new Relu();
  const c = new Linear(2, { inSize: 4 });
  const model = new Sequential(a, b, c);
  const x = array([[1, -2, 3], [0.5, 0.25, -1]]);
  assertAllClose(model.call(x), c.call(b.call(a.call(x))), { rtol: 0 });
  assert.deepEqual(model.layers, [a, b, c]);
  assert.equal(model.l1, b);
});

Deno.test("Sequential names its parameters l0/W, l0/b, ... as DeZero", () => {
  const model = new Sequential(new Linear(4), new Relu(), new Linear(2));
  assert.deepEqual([...model.flattenParams().keys()], [
    "l0/W",
    "l0/b",
    "l2/W",
    "l2/b",
  ]);
  assert.equal([...model.params()].length, 4);
});

Deno.test("Sequential rejects what is not a layer", () => {
  assert.throws(
    () => new Sequential(new Linear(2), relu as unknown as Layer),
    /Cannot use function relu as layer 1 of Sequential: expected a Layer/,
  );
});
