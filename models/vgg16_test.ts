import assert from "node:assert/strict";
import {
  conv2d,
  type Float64NdArray,
  full,
  linear,
  pooling,
  relu,
  reshape,
  testMode,
  toFloat64Array,
  type Variable,
  zeros,
} from "../mod.ts";
import { encodeNpz } from "../io/mod.ts";
import { assertAllClose } from "../testing/mod.ts";
import { randomArray } from "../functions/testdata/_conv_reference.ts";
import { VGG16 } from "./vgg16.ts";

const canWrite =
  Deno.permissions.querySync({ name: "write", path: "/tmp" }).state ===
    "granted";

/**
 * The names and shapes in DeZero's vgg16.npz, from DeZero's models.py:
 * conv{block}_{i} = L.Conv2d(width, kernel_size=3, stride=1, pad=1) with
 * 2, 2, 3, 3, 3 convolutions per block, then fc6, fc7, fc8 = L.Linear(...);
 * a 224x224 input is 7x7 after five poolings.
 */
function dezeroParameters(
  widths: number[],
  hidden: number,
  classes: number,
  side: number,
): [string, number[]][] {
  const out: [string, number[]][] = [];
  let inChannels = 3;
  [2, 2, 3, 3, 3].forEach((count, block) => {
    for (let i = 1; i <= count; i++) {
      out.push([`conv${block + 1}_${i}/W`, [widths[block], inChannels, 3, 3]]);
      out.push([`conv${block + 1}_${i}/b`, [widths[block]]]);
      inChannels = widths[block];
    }
  });
  const flat = inChannels * (side / 32) ** 2;
  out.push(["fc6/W", [flat, hidden]], ["fc6/b", [hidden]]);
  out.push(["fc7/W", [hidden, hidden]], ["fc7/b", [hidden]]);
  out.push(["fc8/W", [hidden, classes]], ["fc8/b", [classes]]);
  return out;
}

Deno.test("VGG16's parameters are named as in DeZero's vgg16.npz, with no weights drawn", () => {
  const model = new VGG16();
  const expected = dezeroParameters([64, 128, 256, 512, 512], 4096, 1000, 224);
  const params = model.flattenParams();
  assert.deepEqual([...params.keys()], expected.map(([name]) => name));
  for (const [name, shape] of expected) {
    const param = params.get(name)!;
    if (name.endsWith("/W")) {
      assert.equal(param.hasData, false, name);
    } else {
      assert.deepEqual(param.shape, shape, name);
    }
  }
  // 138,357,544 parameters in DeZero's (and Keras's) VGG16.
  const count = expected.reduce((n, [, s]) => n + s.reduce((a, b) => a * b), 0);
  assert.equal(count, 138357544);
});

Deno.test("VGG16 draws weights of DeZero's shapes on the first call (narrow configuration)", () => {
  const widths = [2, 3, 4, 4, 5];
  const model = new VGG16({ channels: [2, 3, 4, 4, 5], hidden: 6, classes: 7 });
  const y = testMode(() => model.call(zeros([2, 3, 64, 64])));
  assert.deepEqual(y.shape, [2, 7]);
  const params = model.flattenParams();
  for (const [name, shape] of dezeroParameters(widths, 6, 7, 64)) {
    assert.deepEqual(params.get(name)!.shape, shape, name);
  }
});

Deno.test({
  name:
    "VGG16.loadWeights() reads a DeZero-named .npz and computes DeZero's forward with it",
  ignore: !canWrite,
  fn() {
    const widths = [2, 2, 3, 3, 4];
    const expected = dezeroParameters(widths, 5, 4, 32);
    const arrays: Record<string, Float64NdArray> = {};
    expected.forEach(([name, shape], k) => {
      arrays[name] = randomArray(shape, 100 + k);
    });
    const path = Deno.makeTempFileSync({ suffix: ".npz" });
    Deno.writeFileSync(path, encodeNpz(arrays));
    const model = new VGG16({
      channels: [2, 2, 3, 3, 4],
      hidden: 5,
      classes: 4,
    });
    model.loadWeights(path);
    Deno.removeSync(path);

    // DeZero's forward, spelled out with the file's arrays.
    const x = randomArray([2, 3, 32, 32], 7);
    let h: Variable | Float64NdArray = x;
    [2, 2, 3, 3, 3].forEach((count, block) => {
      for (let i = 1; i <= count; i++) {
        const name = `conv${block + 1}_${i}`;
        h = relu(conv2d(h, arrays[`${name}/W`], arrays[`${name}/b`], 1, 1));
      }
      h = pooling(h, 2, 2);
    });
    h = reshape(h, [2, -1]);
    h = relu(linear(h, arrays["fc6/W"], arrays["fc6/b"]));
    h = relu(linear(h, arrays["fc7/W"], arrays["fc7/b"]));
    const reference = linear(h, arrays["fc8/W"], arrays["fc8/b"]);
    const y = testMode(() => model.call(x));
    assertAllClose(y, reference, { rtol: 1e-12, atol: 1e-12 });
    // In training mode fc6 and fc7 drop out: the scores differ.
    const trained = model.call(x);
    assert.notDeepEqual(toFloat64Array(trained), toFloat64Array(y));
  },
});

Deno.test({
  name: "VGG16.loadWeights() names what does not fit and changes nothing",
  ignore: !canWrite,
  fn() {
    const expected = dezeroParameters([2, 2, 2, 2, 2], 3, 3, 32);
    const arrays: Record<string, Float64NdArray> = {};
    for (const [name, shape] of expected) arrays[name] = zeros(shape);
    delete arrays["fc8/b"];
    arrays["conv1_1/W"] = zeros([2, 1, 3, 3]);
    const path = Deno.makeTempFileSync({ suffix: ".npz" });
    Deno.writeFileSync(path, encodeNpz(arrays));
    const model = new VGG16({
      channels: [2, 2, 2, 2, 2],
      hidden: 3,
      classes: 3,
    });
    testMode(() => model.call(zeros([1, 3, 32, 32])));
    const before = toFloat64Array(model.conv1_1.W.data);
    assert.throws(
      () => model.loadWeights(path),
      (e: Error) =>
        e instanceof TypeError &&
        e.message.includes(
          '"conv1_1/W" has shape [2,1,3,3], expected [2,3,3,3]',
        ) && e.message.includes('"fc8/b" is missing'),
    );
    assert.deepEqual(toFloat64Array(model.conv1_1.W.data), before);
    Deno.removeSync(path);
  },
});

Deno.test("VGG16.preprocess() resizes, reorders RGB to BGR, subtracts the mean and moves channels first", () => {
  // A 2x2 RGB image kept at its size: exact values.
  const image = zeros([2, 2, 3]);
  const rgb = [[[10, 20, 30], [40, 50, 60]], [[70, 80, 90], [100, 110, 120]]];
  rgb.forEach((row, r) =>
    row.forEach((px, c) => px.forEach((v, k) => image.set(r, c, k, v)))
  );
  const x = VGG16.preprocess(image, { size: null });
  assert.deepEqual(x.shape, [3, 2, 2]);
  const mean = [103.939, 116.779, 123.68];
  for (let k = 0; k < 3; k++) {
    for (let r = 0; r < 2; r++) {
      for (let c = 0; c < 2; c++) {
        assert.ok(
          Math.abs(x.get(k, r, c) - (rgb[r][c][2 - k] - mean[k])) < 1e-12,
        );
      }
    }
  }
  // ImageData-like RGBA input, enlarged: a constant image stays constant.
  const rgba = {
    width: 3,
    height: 2,
    data: new Uint8ClampedArray(24).map((_, i) => [200, 100, 50, 255][i % 4]),
  };
  const y = VGG16.preprocess(rgba, { size: [4, 6] });
  assert.deepEqual(y.shape, [3, 4, 6]);
  assertAllClose(y.pick(0, null, null), full([4, 6], 50 - 103.939), {
    rtol: 0,
    atol: 1e-12,
  });
  assertAllClose(y.pick(2, null, null), full([4, 6], 200 - 123.68), {
    rtol: 0,
    atol: 1e-12,
  });
  assert.throws(
    () => VGG16.preprocess(zeros([4, 4])),
    /Cannot use an array of shape \[4,4\] as an image in VGG16.preprocess/,
  );
  assert.throws(() => VGG16.preprocess(image, { size: [0, 2] }), TypeError);
});

Deno.test("VGG16 rejects bad options and names the layer when the image is too small", () => {
  assert.throws(
    () => new VGG16({ channels: [1, 2, 3] as unknown as [1, 2, 3, 4, 5] }),
    /channels of VGG16: expected five positive integers/,
  );
  assert.throws(() => new VGG16({ hidden: 0 }), /hidden of VGG16/);
  const model = new VGG16({ channels: [1, 1, 1, 1, 1], hidden: 2, classes: 2 });
  // 16x16 is 1x1 after four poolings; the fifth block's pooling needs 2x2.
  assert.throws(
    () => testMode(() => model.call(zeros([1, 3, 16, 16]))),
    RangeError,
  );
  assert.throws(
    () => model.call(zeros([1, 1, 32, 32])),
    /Cannot apply Conv2d to an input of shape \[1,1,32,32\]/,
  );
});
