import assert from "node:assert/strict";
import { gzipSync } from "fflate";
import { map } from "../core/map.ts";
import { toNested } from "../core/to_nested.ts";
import { toFlat } from "../core/_ndarray.ts";
import { MNIST } from "./mnist.ts";
import { loadPackagedMnist } from "./_mnist_data.ts";
import { testNeeding } from "../testing/_permissions.ts";

testNeeding(
  ["read"],
  "MNIST holds the packaged 8,000 training and 2,000 test digits as DeZero's arrays",
  () => {
    const train = new MNIST();
    const test = new MNIST({ train: false });
    assert.deepEqual(train.data!.shape, [8000, 1, 28, 28]);
    assert.deepEqual(train.label!.shape, [8000]);
    assert.deepEqual(test.data!.shape, [2000, 1, 28, 28]);
    // The same digits as the loader's splits, in the same order.
    const { t } = loadPackagedMnist({ split: "test" });
    assert.deepEqual(toFlat(test.label!), toFlat(t));
    const labels = new Set(toFlat(train.label!));
    assert.deepEqual([...labels].sort(), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  },
);

testNeeding(
  ["read"],
  "MNIST.get() applies DeZero's default transform: 784 values, float32 of pixel / 255",
  () => {
    const raw = new MNIST({ transform: null });
    const scaled = new MNIST();
    for (const i of [0, 1, 4321, -1]) {
      const [pixels, t] = raw.get(i);
      const [x, label] = scaled.get(i);
      assert.deepEqual(pixels.shape, [1, 28, 28]);
      assert.deepEqual(x.shape, [784]);
      assert.equal(label!.get(), t!.get());
      // Computed here by hand: the pixel as float32 (exact), divided by 255.
      const expected = Array.from(toFlat(pixels), (k) => Math.fround(k) / 255);
      assert.deepEqual(Array.from(toFlat(x)), expected);
      assert.ok(expected.some((v) => v === 1) || expected.some((v) => v > 0.9));
    }
  },
);

testNeeding(["read"], "MNIST applies a targetTransform to the labels", () => {
  const set = new MNIST({
    train: false,
    targetTransform: (t) => map(t, (v) => 10 + v),
  });
  const [, t] = set.get(0);
  assert.equal(t!.get(), 10 + set.label!.get(0));
});

testNeeding(
  ["read", "write"],
  "MNIST reads a split from IDX files given in files",
  () => {
    const dir = Deno.makeTempDirSync({ prefix: "dezero_mnist_class_" });
    try {
      const idx = (shape: number[], data: number[]): Uint8Array => {
        const out = new Uint8Array(4 + 4 * shape.length + data.length);
        const view = new DataView(out.buffer);
        out.set([0, 0, 0x08, shape.length]);
        shape.forEach((n, i) => view.setUint32(4 + 4 * i, n));
        out.set(data, 4 + 4 * shape.length);
        return out;
      };
      const pixels = Array.from({ length: 2 * 28 * 28 }, (_, i) => i % 256);
      Deno.writeFileSync(
        `${dir}/images.gz`,
        gzipSync(idx([2, 28, 28], pixels)),
      );
      Deno.writeFileSync(`${dir}/labels.gz`, gzipSync(idx([2], [3, 8])));
      const set = new MNIST({
        train: false,
        files: { images: `${dir}/images.gz`, labels: `${dir}/labels.gz` },
      });
      assert.equal(set.length, 2);
      assert.equal(set.train, false);
      const [x, t] = set.get(1);
      assert.equal(t!.get(), 8);
      assert.equal(x.get(0), Math.fround(784 % 256) / 255);
      assert.deepEqual(toNested(set.label!), [3, 8]);
    } finally {
      Deno.removeSync(dir, { recursive: true });
    }
  },
);

Deno.test("MNIST rejects options that are not an object and files without two paths", () => {
  assert.throws(
    () => new MNIST(3 as never),
    new TypeError(
      "Cannot use number 3 as options of MNIST: expected an object",
    ),
  );
  assert.throws(
    () => new MNIST({ files: { images: "a.gz" } as never }),
    /^TypeError: Cannot use .* as files of MNIST: expected \{ images, labels \} with two paths$/,
  );
  assert.throws(
    () => new MNIST({ files: { images: "/nonexistent/a", labels: "/b" } }),
    /Cannot read '\/nonexistent\/a': loadMnistIdx\(\) failed/,
  );
});

Deno.test("MNIST.labels() names the ten classes as DeZero's", () => {
  assert.deepEqual(Object.values(MNIST.labels()), [..."0123456789"]);
});
