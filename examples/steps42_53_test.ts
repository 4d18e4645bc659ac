// Book steps 42 to 53 print what DeZero prints. The reference is DeZero
// itself: examples/testdata/make_book_output.py runs the book's own
// steps/stepNN.py and records their output, once as published ("float32":
// DeZero's Linear holds float32 weights) and once with float64 weights
// ("float64", what this library computes in). Long training runs are cut
// short here (the first lines of steps 43 to 50); the examples' comments
// say how the full runs compare.

import assert from "node:assert/strict";
import { loadNpz } from "../io/mod.ts";
import { captureLog } from "./_capture_log.ts";
import book from "./testdata/book_output.json" with { type: "json" };
import { testNeeding } from "../testing/_permissions.ts";

/** DeZero's output of a step run as published and with float64 weights. */
function reference(step: number): { float32: string[]; float64: string[] } {
  return (book as unknown as Record<
    string,
    { float32: string[]; float64: string[] }
  >)[`step${step}`];
}

/** The numbers in a line, in order. */
function numbers(line: string): number[] {
  return (line.match(/-?\d+\.?\d*(e[-+]?\d+)?/g) ?? []).map(Number);
}

/** Each line's numbers within `rtol` of the reference line's. */
function assertLinesClose(
  actual: string[],
  expected: string[],
  rtol: number,
): void {
  assert.equal(actual.length, expected.length, actual.join("\n"));
  actual.forEach((line, i) => {
    const [got, want] = [numbers(line), numbers(expected[i])];
    assert.equal(got.length, want.length, `${line} vs ${expected[i]}`);
    got.forEach((value, k) => {
      assert.ok(
        Math.abs(value - want[k]) <= rtol * Math.abs(want[k]),
        `line ${i}: ${line}\nexpected (rtol ${rtol}): ${expected[i]}`,
      );
    });
  });
}

Deno.test("examples/step42.ts prints DeZero's W and b at every step, and its loss to 14 digits", async () => {
  const lines = await captureLog(() => import("./step42.ts"));
  const expected = book.step42.float64;
  assert.equal(lines.length, 100);
  lines.forEach((line, i) => {
    // W and b print with 8 significant digits: all of them agree.
    const cut = (s: string): string => s.slice(0, s.lastIndexOf(" variable("));
    assert.equal(cut(line), cut(expected[i]));
  });
  assertLinesClose(lines, expected, 1e-14);
  // The book's own run (float64 there too) is the same.
  assert.deepEqual(book.step42.float32, expected);
});

for (const step of [43, 44, 45, 46]) {
  testNeeding(
    ["read"],
    `examples/step${step}.ts prints DeZero's losses of the first 1000 steps`,
    async () => {
      const { train } = await import(`./step${step}.ts`);
      const lines = await captureLog(() => train(1001));
      const expected = reference(step);
      assertLinesClose(lines, expected.float64.slice(0, 2), 1e-12);
      // The book's float32 weights move the 7th digit.
      assertLinesClose(lines, expected.float32.slice(0, 2), 1e-6);
    },
  );
}

Deno.test("examples/step47.ts prints DeZero's scores, probabilities and loss", async () => {
  const lines = await captureLog(() => import("./step47.ts"));
  const expected = book.step47.float64;
  // Joined: Deno prints a multi-line array as one line with newlines.
  const all = lines.join("\n").split("\n");
  assert.deepEqual(all.slice(0, -1), expected.slice(0, -1));
  assertLinesClose(all.slice(-1), expected.slice(-1), 1e-15);
  assertLinesClose(all, book.step47.float32, 1e-6);
});

for (const [step, perEpoch] of [[48, 1], [49, 1], [50, 3]]) {
  testNeeding(
    ["read"],
    `examples/step${step}.ts prints the book's first epochs exactly`,
    async () => {
      const { train } = await import(`./step${step}.ts`);
      const lines = await captureLog(() => train(4));
      const expected = reference(step);
      assert.deepEqual(lines, expected.float32.slice(0, 4 * perEpoch));
      assert.deepEqual(lines, expected.float64.slice(0, 4 * perEpoch));
    },
  );
}

const format51 = [
  /^epoch: 1$/,
  /^train loss: \d\.\d{4}, accuracy: 0\.\d{4}$/,
  /^test loss: \d\.\d{4}, accuracy: 0\.\d{4}$/,
];

testNeeding(
  ["read"],
  "examples/step51.ts trains on the packaged digits and prints the book's lines",
  async () => {
    const { train } = await import("./step51.ts");
    const lines = await captureLog(() => train(1, 2));
    assert.equal(lines.length, 3);
    lines.forEach((line, i) => assert.match(line, format51[i]));
    // Two batches of 100 out of 8,000: the summed loss is about 2 · 100 ·
    // ln 10 / 8000 (an untrained network guesses uniformly).
    const trainLoss = numbers(lines[1])[0];
    assert.ok(Math.abs(trainLoss - 200 * Math.LN10 / 8000) < 0.01, lines[1]);
    const testLoss = numbers(lines[2])[0];
    assert.ok(testLoss > 1.5 && testLoss < 2.6, lines[2]);
  },
);

testNeeding(
  ["read"],
  "examples/step52.ts prints loss and time per epoch as the book's CPU path",
  async () => {
    const { train } = await import("./step52.ts");
    const lines = await captureLog(() => train(1, 1));
    assert.equal(lines.length, 1);
    assert.match(
      lines[0],
      /^epoch: 1, loss: 0\.0\d{3}, time: \d+\.\d{4}\[sec\]$/,
    );
  },
);

testNeeding(
  ["read", "write"],
  "examples/step53.ts saves the weights, and a second run starts from them",
  async () => {
    const { train } = await import("./step53.ts");
    const dir = Deno.makeTempDirSync({ prefix: "dezero_step53_" });
    try {
      const path = `${dir}/my_mlp.npz`;
      const first = await captureLog(() => train(1, path, 1));
      assert.match(first[0], /^epoch: 1, loss: 0\.\d{4}$/);
      const saved = loadNpz(path);
      assert.deepEqual(Object.keys(saved), ["l0/W", "l0/b", "l1/W", "l1/b"]);
      assert.deepEqual(saved["l0/W"].shape, [784, 1000]);
      await captureLog(() => train(1, path, 1));
      const again = loadNpz(path);
      // One more SGD step from the loaded weights changed them a little.
      const [a, b] = [saved["l1/b"].data, again["l1/b"].data];
      const moved = a.some((v, i) => v !== b[i]);
      const close = a.every((v, i) => Math.abs(v - b[i]) < 0.01);
      assert.ok(moved && close);
    } finally {
      Deno.removeSync(dir, { recursive: true });
    }
  },
);

testNeeding(
  ["read"],
  "examples/train_mnist.ts learns the packaged digits with relu and Adam",
  async () => {
    const { trainMnist } = await import("./train_mnist.ts");
    const lines: string[] = [];
    // A small network for one epoch: the full run is `deno task train`.
    const result = trainMnist({
      epochs: 1,
      hidden: 32,
      log: (l) => lines.push(l),
    });
    assert.equal(lines.length, 1);
    assert.match(
      lines[0],
      /^epoch 1: train loss \d\.\d{4}, accuracy 0\.\d{4} \| test loss \d\.\d{4}, accuracy 0\.\d{4} \| \d+\.\d s$/,
    );
    assert.equal(result.test.length, 1);
    assert.ok(result.test[0].accuracy > 0.8, `${result.test[0].accuracy}`);
    assert.ok(result.train[0].loss < Math.LN10);
  },
);

Deno.test("DeZero's steps 52 and 53 print step 51's training losses, as the examples' comments say", () => {
  const trainLosses = reference(51).float32
    .filter((line) => line.startsWith("train loss"))
    .slice(0, 5)
    .map((line) =>
      line.slice("train loss: ".length, "train loss: ".length + 6)
    );
  assert.deepEqual(
    reference(52).float32,
    trainLosses.map((loss, i) => `epoch: ${i + 1}, loss: ${loss}`),
  );
  assert.deepEqual(
    reference(53).float32,
    trainLosses.slice(0, 3).map((loss, i) => `epoch: ${i + 1}, loss: ${loss}`),
  );
});
