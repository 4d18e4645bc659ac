import assert from "node:assert/strict";
import { array, Parameter } from "../mod.ts";
import { Linear } from "../layers/linear.ts";
import { FreezeParam } from "./freeze_param.ts";
import { MomentumSGD } from "./momentum_sgd.ts";

Deno.test("FreezeParam keeps layers and parameters fixed while the others learn", () => {
  const frozenLayer = new Linear(2, { inSize: 2 });
  const frozenParam = new Parameter(array([1]));
  const free = new Parameter(array([1]));
  const optimizer = new MomentumSGD(0.1)
    .setup([...frozenLayer.params(), frozenParam, free])
    .addHook(new FreezeParam(frozenLayer, frozenParam));
  const before = [...frozenLayer.params()].map((p) => p.data.get(0));
  for (const p of [...frozenLayer.params(), frozenParam, free]) {
    p.grad = p.data.shape.length === 2
      ? array([[1, 1], [1, 1]])
      : p.data.size === 2
      ? array([1, 1])
      : array([1]);
  }
  optimizer.update();
  assert.deepEqual([...frozenLayer.params()].map((p) => p.data.get(0)), before);
  assert.equal(frozenParam.data.get(0), 1);
  assert.equal(free.data.get(0), 0.9);
});

Deno.test("FreezeParam rejects what is neither a layer nor a parameter", () => {
  assert.throws(
    () => new FreezeParam(new Parameter(array(1)), 3 as never),
    new TypeError(
      "Cannot freeze number 3 (argument 1) in FreezeParam: expected a Layer or a Parameter",
    ),
  );
});
