import assert from "node:assert/strict";
import { array, config, type NestedNumbers, Variable } from "../mod.ts";
import { assertAllClose } from "../testing/mod.ts";
import { BatchNorm } from "./batch_norm.ts";
import fixtures from "./testdata/recurrent_fixtures.json" with {
  type: "json",
};

function a(value: unknown): ReturnType<typeof array> {
  return array(value as NestedNumbers[]);
}

/** Run `fn` with `config.train` false (testMode() once core has it). */
function inTestMode<T>(fn: () => T): T {
  const flags = config as { train?: boolean };
  const old = flags.train;
  flags.train = false;
  try {
    return fn();
  } finally {
    if (old === undefined) delete flags.train;
    else flags.train = old;
  }
}

for (const name of ["batchnorm1d", "batchnorm2d"] as const) {
  const f = fixtures[name];
  Deno.test(
    `BatchNorm matches torch.nn.${
      name === "batchnorm1d" ? "BatchNorm1d" : "BatchNorm2d"
    } in training and test mode`,
    () => {
      const bn = new BatchNorm();
      // Set before the first call, which creates only what is missing.
      bn.gamma.data = a(f.gamma);
      bn.beta.data = a(f.beta);
      const x = new Variable(a(f.x1));
      const y = bn.call(x);
      assertAllClose(y.data, a(f.y1), { rtol: 1e-10, atol: 1e-12 });
      y.mul(a(f.G)).sum().backward();
      assertAllClose(x.grad!.data, a(f.gx), { rtol: 1e-8, atol: 1e-12 });
      assertAllClose(bn.gamma.grad!.data, a(f.ggamma), { rtol: 1e-10 });
      assertAllClose(bn.beta.grad!.data, a(f.gbeta), { rtol: 1e-10 });
      assertAllClose(bn.call(a(f.x2)).data, a(f.y2), {
        rtol: 1e-10,
        atol: 1e-12,
      });
      assertAllClose(bn.avg_mean.data, a(f.running_mean), { rtol: 1e-12 });
      assertAllClose(bn.avg_var.data, a(f.running_var), { rtol: 1e-12 });
      const before = [...bn.avg_var.data.data];
      const y3 = inTestMode(() => bn.call(a(f.x3)));
      assertAllClose(y3.data, a(f.y3), { rtol: 1e-10, atol: 1e-12 });
      assert.deepEqual([...bn.avg_var.data.data], before);
      // The running statistics get no gradients; gamma and beta do.
      assert.equal(bn.avg_mean.grad, null);
    },
  );
}

Deno.test("BatchNorm sets up its parameters from the first call, under DeZero's names", () => {
  const bn = new BatchNorm();
  assert.deepEqual([...bn.flattenParams().keys()], [
    "avg_mean",
    "avg_var",
    "gamma",
    "beta",
  ]);
  bn.call(array([[[[1]], [[2]], [[3]]], [[[4]], [[5]], [[7]]]]));
  assert.deepEqual([...bn.gamma.data.data], [1, 1, 1]);
  assert.throws(
    () => bn.call(array([[1, 2], [3, 4]])),
    new TypeError(
      "Cannot apply BatchNorm to an input of shape [2,2]: it was set up for 3 channels",
    ),
  );
  assert.throws(
    () => bn.call(array([1, 2, 3])),
    new TypeError(
      "Cannot apply BatchNorm to an input of shape [3]: expected [N, C] or [N, C, H, W]",
    ),
  );
});
