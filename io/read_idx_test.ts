import assert from "node:assert/strict";
import { gzipSync } from "fflate";
import { toNested } from "../mod.ts";
import { readIdx } from "./mod.ts";

/** An IDX file: magic 0x0000TTDD, big-endian dimensions, then the data. */
function idx(type: number, shape: number[], data: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + 4 * shape.length + data.length);
  const view = new DataView(out.buffer);
  out.set([0, 0, type, shape.length]);
  shape.forEach((n, i) => view.setUint32(4 + 4 * i, n));
  out.set(data, 4 + 4 * shape.length);
  return out;
}

const IMAGES = idx(
  0x08,
  [2, 2, 3],
  new Uint8Array([0, 1, 2, 253, 254, 255, 9, 8, 7, 6, 5, 4]),
);

Deno.test("readIdx() reads MNIST-style uint8 images and labels, plain or gzipped", () => {
  const images = readIdx(IMAGES);
  assert.deepEqual([...images.shape], [2, 2, 3]);
  assert.deepEqual(toNested(images), [[[0, 1, 2], [253, 254, 255]], [
    [9, 8, 7],
    [6, 5, 4],
  ]]);
  assert.deepEqual(toNested(readIdx(gzipSync(IMAGES))), toNested(images));
  const labels = idx(0x08, [4], new Uint8Array([5, 0, 4, 1]));
  assert.deepEqual(toNested(readIdx(gzipSync(labels))), [5, 0, 4, 1]);
});

Deno.test("readIdx() reads every IDX element type big-endian", () => {
  const bytes = (fill: (view: DataView) => void, length: number) => {
    const data = new Uint8Array(length);
    fill(new DataView(data.buffer));
    return data;
  };
  const cases: [number, Uint8Array, number[]][] = [
    [0x09, new Uint8Array([0xff, 0x80]), [-1, -128]],
    [0x0b, bytes((v) => (v.setInt16(0, -300), v.setInt16(2, 12345)), 4), [
      -300,
      12345,
    ]],
    [
      0x0c,
      bytes((v) => (v.setInt32(0, -70000), v.setInt32(4, 2 ** 31 - 1)), 8),
      [-70000, 2 ** 31 - 1],
    ],
    [0x0d, bytes((v) => (v.setFloat32(0, 0.5), v.setFloat32(4, -1e30)), 8), [
      0.5,
      Math.fround(-1e30),
    ]],
    [0x0e, bytes((v) => (v.setFloat64(0, 0.1), v.setFloat64(8, -0)), 16), [
      0.1,
      -0,
    ]],
  ];
  for (const [type, data, values] of cases) {
    assert.deepEqual(
      toNested(readIdx(idx(type, [2], data))),
      values,
      `type ${type}`,
    );
  }
  assert.equal(readIdx(idx(0x08, [], new Uint8Array([42]))).get(), 42);
});

Deno.test("readIdx() names the file and what it expected from a bad magic number or length", () => {
  assert.throws(
    () => readIdx(new TextEncoder().encode("<html>"), { source: "t10k.gz" }),
    new TypeError(
      "Cannot read 't10k.gz': readIdx() found magic number 0x3c68746d, expected 0x000008NN to 0x00000eNN (an IDX file, such as 0x00000803 for MNIST images or 0x00000801 for labels)",
    ),
  );
  assert.throws(
    () => readIdx(new Uint8Array([0, 0])),
    /found magic number of 2 bytes only/,
  );
  assert.throws(
    () => readIdx(IMAGES.subarray(0, IMAGES.length - 1), { source: "x" }),
    new RangeError(
      "Cannot read 'x': readIdx() found 11 bytes of data, expected 12 for unsigned byte dimensions [2,2,3]",
    ),
  );
  assert.throws(
    () => readIdx(IMAGES.subarray(0, 9)),
    /found 9 bytes, expected at least 16 for the magic number and 3 dimensions/,
  );
  assert.throws(
    () => readIdx("x" as never),
    /readIdx\(\) expects the file's bytes as a Uint8Array/,
  );
});

Deno.test("readIdx() rejects truncated and corrupted gzip streams", () => {
  const gz = gzipSync(IMAGES);
  for (let length = 2; length < gz.length; length++) {
    assert.throws(
      () => readIdx(gz.subarray(0, length), { source: "a.gz" }),
      /^(TypeError|RangeError): Cannot read 'a\.gz': readIdx\(\) found /,
      `cut to ${length}`,
    );
  }
  const flipped = gz.slice();
  flipped[gz.length - 8] ^= 1; // the stored CRC-32
  assert.throws(() => readIdx(flipped), /CRC-32 or length does not match/);
});
