import assert from "node:assert/strict";
import { array, config, Parameter, type Variable } from "../mod.ts";
import { Layer } from "../layers/layer.ts";
import { Linear } from "../layers/linear.ts";
import type { Optimizer } from "./optimizer.ts";
import { SGD } from "./sgd.ts";

class Empty extends Layer {
  forward(x: Variable): Variable {
    return x;
  }
}

Deno.test("Optimizer.setup() refuses a target without parameters or of the wrong kind", () => {
  assert.throws(
    () => new SGD().setup(new Empty()),
    new TypeError(
      "Cannot set up SGD: the target has no parameters to optimize",
    ),
  );
  assert.throws(() => new SGD().setup([]), /has no parameters/);
  assert.throws(
    () => new SGD().setup([new Parameter(array(1)), array(2) as never]),
    /Cannot set up SGD with .* at position 1: expected Parameters/,
  );
  assert.throws(
    () => new SGD().setup(42 as never),
    new TypeError(
      "Cannot set up SGD with number 42: expected a Layer, a Model or an array of Parameters",
    ),
  );
});

Deno.test("Optimizer.setup() failing leaves the previous target in place", () => {
  const w = new Parameter(array([1]));
  const optimizer = new SGD(1).setup([w]);
  assert.throws(() => optimizer.setup([]));
  w.grad = array([1]);
  optimizer.update();
  assert.equal(w.data.get(0), 0);
});

Deno.test("Optimizer.update() needs setup() first", () => {
  assert.throws(
    () => new SGD().update(),
    new Error("Cannot update with SGD: call setup(target) first"),
  );
});

Deno.test("Optimizer.addHook() accepts functions and objects with call(), and nothing else", () => {
  const optimizer = new SGD();
  for (const bad of [42, null, "hook", {}, { call: 1 }]) {
    assert.throws(
      () => optimizer.addHook(bad as never),
      (error: Error) =>
        error instanceof TypeError &&
        /^Cannot add .* as a hook of SGD: expected a function of the parameters or an object with a call\(params\) method$/
          .test(error.message),
    );
  }
});

Deno.test("Optimizer hooks run in order on the parameters that have a gradient", () => {
  const a = new Parameter(array([1]), { name: "a" });
  const b = new Parameter(array([1]), { name: "b" });
  const seen: string[] = [];
  const optimizer = new SGD(1).setup([a, b])
    .addHook((params) => seen.push("f:" + params.map((p) => p.name).join()))
    .addHook({ call: (params) => seen.push("o:" + params.length) });
  a.grad = array([1]);
  optimizer.update();
  assert.deepEqual(seen, ["f:a", "o:1"]);
  assert.equal(a.data.get(0), 0);
  assert.equal(b.data.get(0), 1);
});

Deno.test("Optimizer.update() records no graph and updates a repeated parameter once", () => {
  const w = new Parameter(array([1]));
  let backprop: boolean | undefined;
  const optimizer = new SGD(1).setup([w, w]).addHook(() => {
    backprop = config.enableBackprop;
  });
  w.grad = array([1]);
  optimizer.update();
  assert.equal(backprop, false);
  assert.equal(config.enableBackprop, true);
  assert.equal(w.data.get(0), 0);
});

Deno.test("Optimizer set up with a layer sees parameters drawn after setup", () => {
  const layer = new Linear(1);
  const optimizer: Optimizer = new SGD(0.1).setup(layer);
  layer.call(array([[1, 2]])).sum().backward();
  const before = layer.W.data.get(0, 0);
  optimizer.update();
  assert.ok(Math.abs(layer.W.data.get(0, 0) - (before - 0.1)) < 1e-15);
  assert.equal(layer.b!.data.get(0), -0.1);
});

Deno.test("Optimizer.update() refuses a gradient whose shape no longer fits the data, changing nothing", () => {
  const a = new Parameter(array([1]), { name: "a" });
  const w = new Parameter(array([1, 2]), { name: "w" });
  const optimizer = new SGD(1).setup([a, w]);
  a.grad = array([1]);
  w.grad = array([1, 1]);
  w.data = array([1, 2, 3]);
  assert.throws(
    () => optimizer.update(),
    new TypeError(
      'Cannot update parameter "w" with SGD: its gradient has shape [2], its data [3]',
    ),
  );
  assert.equal(a.data.get(0), 1);
});
