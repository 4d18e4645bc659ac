import assert from "node:assert/strict";
import {
  conv2d,
  full,
  type Parameter,
  sum,
  toFloat64Array,
  toNested,
  Variable,
  zeros,
} from "../mod.ts";
import { seed } from "../random/mod.ts";
import { assertAllClose, gradientCheck } from "../testing/mod.ts";
import {
  directDeconv2d,
  randomArray,
} from "../functions/testdata/_conv_reference.ts";
import { Deconv2d } from "./deconv2d.ts";

/** The layer as a function of its input and of stand-ins for W and b. */
function throughLayer(
  layer: Deconv2d,
): (x: Variable, W: Variable, b: Variable) => Variable {
  return (x, W, b) => {
    const [ownW, ownB] = [layer.W, layer.b];
    layer.W = W as Parameter;
    layer.b = b as Parameter;
    try {
      return layer.call(x);
    } finally {
      layer.W = ownW;
      layer.b = ownB;
    }
  };
}

Deno.test("Deconv2d draws W of shape [C, OC, KH, KW] on the first call and computes a transposed convolution", () => {
  const layer = new Deconv2d(3, [3, 2], { stride: [2, 1], pad: [1, 0] });
  assert.equal(layer.W.hasData, false);
  const x = randomArray([2, 4, 3, 5], 1);
  const y = layer.call(x);
  assert.equal(layer.inChannels, 4);
  assert.deepEqual(layer.W.shape, [4, 3, 3, 2]);
  assert.deepEqual(toNested(layer.b!.data), [0, 0, 0]);
  assert.deepEqual(y.shape, [2, 3, 5, 6]);
  layer.b!.data = randomArray([3], 2);
  assertAllClose(
    layer.call(x),
    directDeconv2d(x, layer.W.data, layer.b!.data, [2, 1], [1, 0]),
    { rtol: 1e-12, atol: 1e-12 },
  );
});

Deno.test("Deconv2d is the adjoint of a convolution with the same filters: <deconv(x), z> = <x, conv(z)>", () => {
  const layer = new Deconv2d(2, 3, { stride: 2, pad: 1, nobias: true });
  const x = randomArray([1, 3, 4, 4], 3);
  const y = layer.call(x);
  const z = randomArray([...y.shape], 4);
  const left = sum(y.mul(z)).item();
  const right = sum(conv2d(z, layer.W, null, 2, 1).mul(x)).item();
  assert.ok(Math.abs(left - right) < 1e-12, `${left} vs ${right}`);
  assert.equal(layer.b, null);
});

Deno.test("Deconv2d draws W as DeZero: randn(C, OC, KH, KW) * sqrt(1 / (C·KH·KW))", () => {
  seed(0);
  const layer = new Deconv2d(1, 2, { inChannels: 3 });
  assert.deepEqual(layer.W.shape, [3, 1, 2, 2]);
  const w = toFloat64Array(layer.W.data);
  const scale = Math.sqrt(1 / (3 * 2 * 2));
  // NumPy: np.random.seed(0); np.random.randn(3) (see linear_test.ts).
  [1.764052345967664, 0.4001572083672233, 0.9787379841057392].forEach(
    (value, i) => assert.ok(Math.abs(w[i] - value * scale) < 1e-15),
  );
});

Deno.test("Deconv2d passes first- and second-order gradient checks with respect to its parameters", () => {
  const layer = new Deconv2d(2, 3, { stride: 2, pad: 1 });
  const x = randomArray([2, 2, 3, 3], 10);
  layer.call(x);
  const inputs = [
    x,
    randomArray([...layer.W.shape], 11),
    randomArray([2], 12),
  ];
  gradientCheck(throughLayer(layer), inputs, { wrt: [1, 2] });
  gradientCheck(throughLayer(layer), inputs, { order: 2 });
});

Deno.test("Deconv2d names the layer and the shapes for other channels and empty outputs", () => {
  const layer = new Deconv2d(4, 3);
  layer.call(zeros([1, 2, 3, 3]));
  assert.throws(
    () => layer.call(zeros([1, 4, 3, 3])),
    new TypeError(
      "Cannot apply Deconv2d to an input of shape [1,4,3,3]: it has 4 channels, but the layer's filters W have shape [2,4,3,3], so it expects [N,2,H,W]",
    ),
  );
  const cropped = new Deconv2d(1, 1, { pad: 1 });
  assert.throws(
    () => cropped.call(zeros([1, 1, 2, 2])),
    new RangeError(
      "Cannot apply Deconv2d to an input of shape [1,1,2,2]: with its 1x1 kernel, stride [1,1] and padding [1,1] the output would be 0x0",
    ),
  );
  assert.equal(cropped.W.hasData, false);
  assert.throws(() => new Deconv2d(1, 1).call(zeros([2, 2, 2])), TypeError);
  assert.throws(
    () => new Deconv2d(1, 2, { stride: 0 }),
    /stride: Deconv2d expects positive integers/,
  );
  assert.throws(() => new Deconv2d(-1, 2), /outChannels of Deconv2d/);
});

Deno.test("Deconv2d gives W and b their gradients", () => {
  const layer = new Deconv2d(1, 2, { inChannels: 1 });
  const x = new Variable(full([1, 1, 2, 2], 1));
  layer.call(x).sum().backward();
  // Every input pixel meets every tap once: gW = sum of x = 4.
  assert.deepEqual(toNested(layer.W.grad!.data), [[[[4, 4], [4, 4]]]]);
  assert.deepEqual(toNested(layer.b!.grad!.data), [9]);
});
