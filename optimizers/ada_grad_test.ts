import assert from "node:assert/strict";
import { AdaGrad } from "./ada_grad.ts";
import { replay } from "./testdata/fixtures.ts";

Deno.test("AdaGrad matches torch.optim.Adagrad over five steps", () => {
  replay(new AdaGrad(0.1, { eps: 1e-8 }), "adagrad");
  replay(new AdaGrad(0.1), "adagrad", { strided: true });
});

Deno.test("AdaGrad rejects a bad learning rate, eps or options", () => {
  assert.throws(() => new AdaGrad(-1), RangeError);
  assert.throws(() => new AdaGrad(0.1, { eps: -1 }), RangeError);
  assert.throws(
    () => new AdaGrad(0.1, 5 as never),
    new TypeError(
      "Cannot use number 5 as the options of AdaGrad: expected an object",
    ),
  );
  assert.equal(new AdaGrad().lr, 0.001);
});
