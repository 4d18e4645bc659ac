import assert from "node:assert/strict";
import { array, Parameter, toNested, Variable } from "../mod.ts";
import { Layer } from "./layer.ts";
import { Linear } from "./linear.ts";

class Affine extends Layer {
  a = new Parameter(array([2]), { name: "a" });
  c = new Parameter(array([1]), { name: "c" });
  forward(x: Variable): Variable {
    return x.mul(this.a).add(this.c);
  }
}

class Stack extends Layer {
  first = new Affine();
  rest: Layer[] = [new Affine(), new Affine()];
  extra: unknown[] = [new Parameter(array(0), { name: "e" }), 3, "x", null];
  count = 7;
  activation = Math.tanh;
  nothing: Parameter | null = null;
  #hidden = new Affine();
  forward(x: Variable): Variable {
    let y = this.first.call(x);
    for (const layer of this.rest) y = layer.call(y);
    return this.#hidden.call(y);
  }
}

Deno.test("Layer.params() walks properties, arrays and sub-layers, skipping #private fields", () => {
  const stack = new Stack();
  const params = [...stack.params()];
  assert.equal(params.length, 7);
  assert.deepEqual(
    [...stack.flattenParams().keys()],
    [
      "first/a",
      "first/c",
      "rest/0/a",
      "rest/0/c",
      "rest/1/a",
      "rest/1/c",
      "extra/0",
    ],
  );
  assert.ok(params.every((p) => p instanceof Parameter));
});

Deno.test("Layer.params() yields a shared parameter or layer once; flattenParams() lists every path", () => {
  class Shared extends Layer {
    left = new Affine();
    right = this.left;
    tied = this.left.a;
    forward(x: Variable): Variable {
      return this.right.call(this.left.call(x));
    }
  }
  const shared = new Shared();
  assert.deepEqual([...shared.params()], [shared.left.a, shared.left.c]);
  assert.deepEqual([...shared.flattenParams().keys()], [
    "left/a",
    "left/c",
    "right/a",
    "right/c",
    "tied",
  ]);
});

Deno.test("Layer.flattenParams() names DeZero's paths for nested Linear layers", () => {
  class Net extends Layer {
    l0 = new Linear(3, { inSize: 2 });
    block = new (class extends Layer {
      l1 = new Linear(1, { inSize: 3 });
      forward(x: Variable): Variable {
        return this.l1.call(x);
      }
    })();
    forward(x: Variable): Variable {
      return this.block.call(this.l0.call(x));
    }
  }
  const net = new Net();
  const flat = net.flattenParams();
  assert.deepEqual([...flat.keys()], [
    "l0/W",
    "l0/b",
    "block/l1/W",
    "block/l1/b",
  ]);
  assert.equal(flat.get("block/l1/W"), net.block.l1.W);
});

Deno.test("Layer.params() rejects a layer that contains itself", () => {
  class Loop extends Layer {
    self: Layer = this;
    forward(x: Variable): Variable {
      return x;
    }
  }
  assert.throws(
    () => [...new Loop().params()],
    new TypeError(
      'Cannot collect the parameters of Loop: the layer at "self" contains itself',
    ),
  );
});

Deno.test("Layer.clearGrads() clears every parameter's gradient", () => {
  const stack = new Stack();
  stack.call(array([1, 2])).sum().backward();
  assert.ok([...stack.params()].slice(0, 6).every((p) => p.grad !== null));
  stack.clearGrads();
  assert.ok([...stack.params()].every((p) => p.grad === null));
});

Deno.test("Layer.call() runs forward, wraps arrays and numbers, and remembers inputs and outputs", () => {
  const layer = new Affine();
  const x = new Variable(array([1, 2]));
  const y = layer.call(x);
  assert.deepEqual(toNested(y.data), [3, 5]);
  assert.deepEqual(layer.inputs, [x]);
  assert.deepEqual(layer.outputs, [y]);
  assert.deepEqual(toNested(layer.call(array([0])).data), [1]);
  assert.deepEqual(toNested(layer.call(1).data), [3]);
  assert.throws(
    () => layer.call("1" as unknown as number),
    /Cannot call Affine with string "1" as input 0: expected a Variable, a number or a float64 ndarray/,
  );
});

Deno.test("Layer.apply() returns several outputs; call() refuses them", () => {
  class Split extends Layer {
    forward(x: Variable): Variable[] {
      return [x.mul(2), x.mul(3)];
    }
  }
  const outputs = new Split().apply(array(1));
  assert.deepEqual(outputs.map((y) => y.data.get()), [2, 3]);
  assert.throws(
    () => new Split().call(array(1)),
    /Cannot return 2 outputs from Split.call: use apply\(\) for layers with several outputs/,
  );
});

Deno.test("Layer.call() names the layer when forward returns something else than Variables", () => {
  class Bad extends Layer {
    forward(): Variable {
      return 3 as unknown as Variable;
    }
  }
  assert.throws(
    () => new Bad().call(array(1)),
    new TypeError(
      "Cannot use the result of Bad.forward: expected a Variable or an array of Variables, got number 3",
    ),
  );
});
