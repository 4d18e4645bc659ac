import assert from "node:assert/strict";
import {
  full,
  type Parameter,
  toFloat64Array,
  toNested,
  type Variable,
  zeros,
} from "../mod.ts";
import { seed } from "../random/mod.ts";
import { assertAllClose, gradientCheck } from "../testing/mod.ts";
import {
  directConv2d,
  randomArray,
} from "../functions/testdata/_conv_reference.ts";
import { Conv2d } from "./conv2d.ts";
import { Layer } from "./layer.ts";

/**
 * The layer as a function of its input and of stand-ins for W and b, so
 * gradientCheck differentiates through the layer's own forward.
 */
function throughLayer(
  layer: Conv2d,
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

Deno.test("Conv2d draws W of shape [OC, C, KH, KW] on the first call and computes a convolution", () => {
  const layer = new Conv2d(3, [3, 2], { stride: [2, 1], pad: [1, 0] });
  assert.equal(layer.inChannels, null);
  assert.equal(layer.W.hasData, false);
  const x = randomArray([2, 2, 5, 6], 1);
  const y = layer.call(x);
  assert.equal(layer.inChannels, 2);
  assert.deepEqual(layer.W.shape, [3, 2, 3, 2]);
  assert.deepEqual(toNested(layer.b!.data), [0, 0, 0]);
  assert.deepEqual(y.shape, [2, 3, 3, 5]);
  // A nested-loop convolution with the drawn filters and a nonzero bias.
  layer.b!.data = randomArray([3], 2);
  assertAllClose(
    layer.call(x),
    directConv2d(x, layer.W.data, layer.b!.data, [2, 1], [1, 0]),
    { rtol: 1e-12, atol: 1e-12 },
  );
  assert.deepEqual([...layer.flattenParams().keys()], ["W", "b"]);
  assert.equal(layer.W.name, "W");
  assert.equal(layer.b!.name, "b");
});

Deno.test("Conv2d with inChannels draws W at construction; nobias leaves b out", () => {
  const layer = new Conv2d(4, 3, { inChannels: 2, nobias: true });
  assert.deepEqual(layer.W.shape, [4, 2, 3, 3]);
  assert.equal(layer.b, null);
  assert.deepEqual([...layer.params()], [layer.W]);
  const x = randomArray([1, 2, 4, 4], 3);
  assertAllClose(
    layer.call(x),
    directConv2d(x, layer.W.data, undefined, 1, 0),
    { rtol: 1e-12, atol: 1e-12 },
  );
});

Deno.test("Conv2d draws W as DeZero: np.random.seed(0); randn(OC, C, KH, KW) * sqrt(1 / (C·KH·KW))", () => {
  // NumPy: np.random.seed(0); np.random.randn(...) starts 1.76405235,
  // 0.40015721, 0.97873798 (the first values of the book's seed-0 stream).
  seed(0);
  const layer = new Conv2d(2, 3, { inChannels: 2 });
  const w = toFloat64Array(layer.W.data);
  const scale = Math.sqrt(1 / (2 * 3 * 3));
  [1.764052345967664, 0.4001572083672233, 0.9787379841057392].forEach(
    (value, i) => assert.ok(Math.abs(w[i] - value * scale) < 1e-15),
  );
  // 36 draws in all: the next layer starts with NumPy's 37th value.
  const next = new Conv2d(1, 1, { inChannels: 1 });
  // np.random.seed(0); np.random.randn(37)[36] = 1.2302906807277207
  assert.ok(Math.abs(next.W.data.get(0, 0, 0, 0) - 1.2302906807277207) < 1e-15);
});

Deno.test("Conv2d's initial filters have standard deviation √(1 / (C·KH·KW))", () => {
  const layer = new Conv2d(50, 3, { inChannels: 40 });
  const w = toFloat64Array(layer.W.data);
  const mean = w.reduce((a, b) => a + b, 0) / w.length;
  const sd = Math.sqrt(w.reduce((a, b) => a + (b - mean) ** 2, 0) / w.length);
  // 18,000 draws: the sample sd is within 2%.
  assert.ok(Math.abs(sd / Math.sqrt(1 / 360) - 1) < 0.02, `sd ${sd}`);
});

Deno.test("Conv2d passes first- and second-order gradient checks with respect to its parameters", () => {
  const cases = [
    { out: 2, kernel: 3, options: { pad: 1 }, x: [2, 2, 4, 4] },
    {
      out: 3,
      kernel: [2, 3] as [number, number],
      options: {
        stride: [2, 1] as [number, number],
        pad: [1, 0] as [number, number],
      },
      x: [1, 2, 5, 4],
    },
  ];
  cases.forEach(({ out, kernel, options, x }, k) => {
    const layer = new Conv2d(out, kernel, options);
    const xs = randomArray(x, 10 + k);
    layer.call(xs); // draws W
    const inputs = [
      xs,
      randomArray(layer.W.shape as number[], 20 + k),
      randomArray([out], 30 + k),
    ];
    gradientCheck(throughLayer(layer), inputs, { wrt: [1, 2] });
    gradientCheck(throughLayer(layer), inputs, { order: 2 });
  });
});

Deno.test("Conv2d gives W and b the gradients of the convolution", () => {
  const layer = new Conv2d(2, 2, { inChannels: 1 });
  // x all ones, 3x3: each of W's four taps sees four ones; b sees 4 outputs.
  layer.call(full([1, 1, 3, 3], 1)).sum().backward();
  assert.deepEqual(toNested(layer.W.grad!.data), [
    [[[4, 4], [4, 4]]],
    [[[4, 4], [4, 4]]],
  ]);
  assert.deepEqual(toNested(layer.b!.grad!.data), [4, 4]);
});

Deno.test("Conv2d's parameters are found inside a layer under DeZero's names", () => {
  class Net extends Layer {
    conv1 = new Conv2d(4, 3, { pad: 1 });
    conv2 = new Conv2d(2, 1, { nobias: true });
    forward(x: Variable): Variable {
      return this.conv2.call(this.conv1.call(x));
    }
  }
  const net = new Net();
  assert.deepEqual(net.call(zeros([1, 3, 5, 5])).shape, [1, 2, 5, 5]);
  assert.deepEqual([...net.flattenParams().keys()], [
    "conv1/W",
    "conv1/b",
    "conv2/W",
  ]);
  assert.deepEqual(net.conv2.W.shape, [2, 4, 1, 1]);
});

Deno.test("Conv2d names the layer and the shapes when a later input has other channels", () => {
  const layer = new Conv2d(8, 3, { pad: 1 });
  layer.call(zeros([2, 3, 6, 6]));
  const before = toFloat64Array(layer.W.data);
  assert.throws(
    () => layer.call(zeros([2, 1, 6, 6])),
    new TypeError(
      "Cannot apply Conv2d to an input of shape [2,1,6,6]: it has 1 channels, but the layer's filters W have shape [8,3,3,3], so it expects [N,3,H,W]",
    ),
  );
  assert.deepEqual(toFloat64Array(layer.W.data), before);
  assert.equal(layer.inChannels, 3);
  const fixed = new Conv2d(8, 3, { inChannels: 2 });
  assert.throws(
    () => fixed.call(zeros([1, 3, 4, 4])),
    /shape \[1,3,4,4\]: it has 3 channels, but the layer's filters W have shape \[8,2,3,3\]/,
  );
});

Deno.test("Conv2d names the layer and the shapes when the kernel is larger than the padded input", () => {
  const layer = new Conv2d(2, 5, { pad: 1 });
  assert.throws(
    () => layer.call(zeros([1, 1, 2, 4])),
    new RangeError(
      "Cannot apply Conv2d to an input of shape [1,1,2,4]: its 5x5 kernel is larger than the padded input's 4x6 (padding [1,1])",
    ),
  );
  // Nothing was drawn: the next, fitting input decides the channels.
  assert.equal(layer.W.hasData, false);
  assert.equal(layer.inChannels, null);
  assert.deepEqual(layer.call(zeros([1, 2, 3, 3])).shape, [1, 2, 1, 1]);
  assert.throws(
    () => new Conv2d(1, [1, 4]).call(zeros([1, 1, 5, 3])),
    /its 1x4 kernel is larger than the padded input's 5x3 \(padding \[0,0\]\)/,
  );
  assert.throws(
    () => new Conv2d(1, 3).call(zeros([4, 4])),
    new TypeError(
      "Cannot apply Conv2d to an input of shape [4,4]: expected a 4-d input [N, C, H, W]",
    ),
  );
});

Deno.test("Conv2d rejects bad sizes and options, naming the layer", () => {
  assert.throws(
    () => new Conv2d(0, 3),
    new RangeError(
      "Cannot use 0 as outChannels of Conv2d: expected a positive integer",
    ),
  );
  assert.throws(
    () => new Conv2d("8" as unknown as number, 3),
    /Cannot use string "8" as outChannels of Conv2d: expected a positive integer/,
  );
  assert.throws(
    () => new Conv2d(8, 0),
    /kernel size: Conv2d expects positive integers/,
  );
  assert.throws(
    () => new Conv2d(8, 3, { stride: 0 }),
    new RangeError(
      "Cannot use 0 as the stride: Conv2d expects positive integers",
    ),
  );
  assert.throws(() => new Conv2d(8, 3, { stride: -1 }), RangeError);
  assert.throws(
    () => new Conv2d(8, 3, { pad: -1 }),
    /padding: Conv2d expects non-negative integers/,
  );
  assert.throws(() => new Conv2d(8, 3, { inChannels: 1.5 }), RangeError);
  assert.throws(
    () => new Conv2d(8, 3, { nobias: "yes" as unknown as boolean }),
    TypeError,
  );
  assert.throws(
    () => new Conv2d(8, 3, { dtype: "float32" as "float64" }),
    new TypeError(
      'Cannot use dtype "float32" in Conv2d: only "float64" is supported',
    ),
  );
  assert.throws(
    () => new Conv2d(8, 3, null as unknown as object),
    /options of Conv2d: expected an object/,
  );
});
