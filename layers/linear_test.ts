import assert from "node:assert/strict";
import { array, linear, toNested, Variable } from "../mod.ts";
import { assertAllClose } from "../testing/mod.ts";
import { Linear } from "./linear.ts";
import { seed } from "../random/mod.ts";

Deno.test("Linear draws W of shape [I, O] on the first call and starts b at zeros", () => {
  const layer = new Linear(5);
  assert.equal(layer.inSize, null);
  assert.equal(layer.W.hasData, false);
  const x = new Variable(array([[1, 2, 3], [4, 5, 6]]));
  const y = layer.call(x);
  assert.equal(layer.inSize, 3);
  assert.deepEqual(layer.W.shape, [3, 5]);
  assert.deepEqual(toNested(layer.b!.data), [0, 0, 0, 0, 0]);
  assertAllClose(y, linear(x, layer.W, layer.b), { rtol: 0 });
  assert.equal(layer.W.name, "W");
  assert.equal(layer.b!.name, "b");
});

Deno.test("Linear's initial weights have mean 0 and standard deviation √(1/I)", () => {
  const inSize = 400;
  const layer = new Linear(50, { inSize });
  const values = toNested(layer.W.data) as number[][];
  const flat = values.flat();
  const mean = flat.reduce((a, b) => a + b, 0) / flat.length;
  const sd = Math.sqrt(
    flat.reduce((a, b) => a + (b - mean) ** 2, 0) / flat.length,
  );
  // 20,000 draws: the sample sd is within 2% and the mean within 4 sd/√n.
  assert.ok(Math.abs(sd / Math.sqrt(1 / inSize) - 1) < 0.02, `sd ${sd}`);
  assert.ok(Math.abs(mean) < 4 * Math.sqrt(1 / inSize) / Math.sqrt(20000));
  // Two layers get different weights.
  const other = new Linear(50, { inSize });
  assert.notDeepEqual(toNested(other.W.data), values);
});

Deno.test("Linear with nobias has no b and computes x · W", () => {
  const layer = new Linear(2, { inSize: 3, nobias: true });
  assert.equal(layer.b, null);
  assert.deepEqual([...layer.params()], [layer.W]);
  const x = array([[1, 0, 0]]);
  assertAllClose(layer.call(x), [
    toNested(layer.W.data.pick(0, null)) as number[],
  ], {
    rtol: 0,
  });
});

Deno.test("Linear gives W and b their gradients", () => {
  const layer = new Linear(2, { inSize: 3 });
  layer.call(array([[1, 2, 3], [4, 5, 6]])).sum().backward();
  assert.deepEqual(toNested(layer.W.grad!.data), [[5, 5], [7, 7], [9, 9]]);
  assert.deepEqual(toNested(layer.b!.grad!.data), [2, 2]);
});

Deno.test("Linear names the layer and the shapes when the input size changes", () => {
  const layer = new Linear(4);
  layer.call(array([[1, 2, 3]]));
  assert.throws(
    () => layer.call(array([[1, 2]])),
    new TypeError(
      "Cannot apply Linear to an input of shape [1,2]: its weight W has shape [3,4], so it expects [N,3]",
    ),
  );
  assert.deepEqual(layer.W.shape, [3, 4]);
  const fixed = new Linear(4, { inSize: 2 });
  assert.throws(() => fixed.call(array([[1, 2, 3]])), /expects \[N,2\]/);
  assert.throws(
    () => new Linear(4).call(array([1, 2])),
    new TypeError(
      "Cannot apply Linear to an input of shape [2]: expected a 2-d input [N, I]",
    ),
  );
});

Deno.test("Linear rejects bad sizes and options", () => {
  assert.throws(() => new Linear(0), RangeError);
  assert.throws(() => new Linear(2.5), RangeError);
  assert.throws(
    () => new Linear("3" as unknown as number),
    /Cannot use string "3" as outSize of Linear: expected a positive integer/,
  );
  assert.throws(() => new Linear(3, { inSize: -1 }), RangeError);
  assert.throws(
    () => new Linear(3, { dtype: "float32" as "float64" }),
    new TypeError(
      'Cannot use dtype "float32" in Linear: only "float64" is supported',
    ),
  );
  assert.throws(
    () => new Linear(3, { nobias: 1 as unknown as boolean }),
    TypeError,
  );
});

Deno.test("Linear draws W as DeZero: np.random.seed(0); randn(I, O) * sqrt(1/I)", () => {
  // NumPy: np.random.seed(0); np.random.randn(2, 3)[0, :] = 1.76405235,
  // 0.40015721, 0.97873798 (the first values of the book's seed-0 stream).
  seed(0);
  const layer = new Linear(3);
  layer.call(array([[1, 2]]));
  const w = layer.W.data;
  const scale = Math.sqrt(1 / 2);
  for (
    const [j, value] of [
      1.764052345967664,
      0.4001572083672233,
      0.9787379841057392,
    ].entries()
  ) {
    assert.ok(Math.abs(w.get(0, j) - value * scale) < 1e-15);
  }
});
