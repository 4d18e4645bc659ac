import assert from "node:assert/strict";
import { array, Parameter } from "../mod.ts";
import { SGD } from "./sgd.ts";
import { replay } from "./testdata/fixtures.ts";

Deno.test("SGD matches torch.optim.SGD over five steps", () => {
  replay(new SGD(0.1), "sgd");
});

Deno.test("SGD updates strided parameters from strided gradients in place", () => {
  replay(new SGD(0.1), "sgd", { strided: true });
});

Deno.test("SGD keeps the parameter's array and changes it in place", () => {
  const w = new Parameter(array([1, 2]));
  const data = w.data;
  new SGD().setup([w]);
  const optimizer = new SGD(0.5).setup([w]);
  w.grad = array([1, 1]);
  optimizer.update();
  assert.equal(w.data, data);
  assert.deepEqual([data.get(0), data.get(1)], [0.5, 1.5]);
});

Deno.test("SGD rejects a learning rate that is not a positive number, keeping the old one", () => {
  assert.throws(
    () => new SGD(0),
    new RangeError("Cannot use lr 0 in SGD: expected a positive number"),
  );
  assert.throws(() => new SGD(-0.1), RangeError);
  assert.throws(() => new SGD(NaN), RangeError);
  assert.throws(() => new SGD(Infinity), RangeError);
  assert.throws(
    () => new SGD("0.1" as unknown as number),
    new TypeError(
      'Cannot use string "0.1" as lr in SGD: expected a positive number',
    ),
  );
  const optimizer = new SGD(0.1);
  assert.throws(() => optimizer.lr = -1, RangeError);
  assert.equal(optimizer.lr, 0.1);
  optimizer.lr = 0.2;
  assert.equal(optimizer.lr, 0.2);
  assert.equal(new SGD().lr, 0.01);
});
