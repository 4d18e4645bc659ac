import assert from "node:assert/strict";
import { array, Parameter, toNested } from "../mod.ts";
import { ClipGrad } from "./clip_grad.ts";
import { SGD } from "./sgd.ts";
import { replay } from "./testdata/fixtures.ts";

Deno.test("ClipGrad with SGD matches torch.nn.utils.clip_grad_norm_ then SGD", () => {
  replay(new SGD(0.1).addHook(new ClipGrad(1)), "sgd_clip");
  replay(new SGD(0.1).addHook(new ClipGrad(1)), "sgd_clip", { strided: true });
});

Deno.test("ClipGrad leaves gradients whose global norm is small", () => {
  const a = new Parameter(array([0]));
  const b = new Parameter(array([0, 0]));
  const optimizer = new SGD(1).setup([a, b]).addHook(new ClipGrad(10));
  const grad = array([3]);
  a.grad = grad;
  b.grad = array([0, 4]);
  optimizer.update();
  assert.equal(a.grad?.data, grad);
  assert.deepEqual(toNested(b.data), [0, -4]);
});

Deno.test("ClipGrad rejects a non-positive maximum", () => {
  assert.throws(() => new ClipGrad(0), RangeError);
});
