// The stage-5 examples of this branch: step 54 against the output of the
// book's own step54.py (examples/testdata/step54.json, made by
// make_step54.py), step 58's parameter count, and the CNN of cnn_mnist.ts
// trained for a few batches (the full run takes minutes).

import assert from "node:assert/strict";
import { softmaxCrossEntropy, testMode } from "../mod.ts";
import { Adam } from "../optimizers/mod.ts";
import { seed } from "../random/mod.ts";
import { mnistSplit, SmallCNN } from "./cnn_mnist.ts";
import { stackBatch } from "../dataloaders/_stack.ts";
import { testNeeding } from "../testing/_permissions.ts";

/** The lines `load` prints with console.log, formatted as Deno prints them. */
async function captureLog(load: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...values: unknown[]): void => {
    lines.push(
      values.map((value) =>
        typeof value === "string" ? value : Deno.inspect(value)
      ).join(" "),
    );
  };
  try {
    await load();
  } finally {
    console.log = log;
  }
  return lines;
}

testNeeding(
  ["read"],
  "examples/step54.ts prints what the book's step54.py prints after np.random.seed(0)",
  async () => {
    const reference = JSON.parse(
      Deno.readTextFileSync(new URL("./testdata/step54.json", import.meta.url)),
    );
    assert.deepEqual(
      await captureLog(() => import("./step54.ts")),
      reference.lines,
    );
    // The reference was written by the committed script as it is now.
    const script = Deno.readFileSync(
      new URL("./testdata/make_step54.py", import.meta.url),
    );
    const digest = new Uint8Array(
      await crypto.subtle.digest("SHA-256", script),
    );
    assert.equal(
      Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join(""),
      reference.script_sha256,
    );
  },
);

testNeeding(
  ["env"],
  "examples/step58.ts prints VGG16's 138,357,544 parameters without drawing them",
  async () => {
    const lines = await captureLog(() => import("./step58.ts"));
    // The count of DeZero's (and Keras's) VGG16.
    assert.equal(lines[0], "VGG16: 138357544 parameters in 32 arrays");
    assert.equal(lines.length, 2);
  },
);

testNeeding(
  ["read"],
  "The CNN of examples/cnn_mnist.ts lowers its loss on packaged digits in a few Adam steps",
  () => {
    seed(0);
    const train = mnistSplit("train");
    const [x, t] = stackBatch(
      "test",
      train,
      Array.from({ length: 40 }, (_, i) => i),
    );
    const model = new SmallCNN();
    const optimizer = new Adam(0.003).setup(model);
    const lossOf = (): number =>
      testMode(() => softmaxCrossEntropy(model.call(x), t).item());
    const before = lossOf();
    // About ln(10) = 2.3 for ten classes at the start.
    assert.ok(before > 1.5 && before < 3.5, `initial loss ${before}`);
    for (let step = 0; step < 8; step++) {
      const loss = softmaxCrossEntropy(model.call(x), t);
      model.clearGrads();
      loss.backward();
      optimizer.update();
    }
    const after = lossOf();
    assert.ok(after < 0.7 * before, `loss ${before} -> ${after}`);
  },
);
