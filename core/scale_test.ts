// Depth and memory: graphs a million operations deep, and training-loop
// shapes that must not grow the heap. The memory tests need
// `--v8-flags=--expose-gc` (the test task passes it) to measure after a full
// collection; under a plain `deno test` they are skipped, not failed.

import assert from "node:assert/strict";
import { array, exp, mul, square, Variable } from "../mod.ts";

const gc = (globalThis as { gc?: () => void }).gc;

function heapAfterGc(): number {
  assert.ok(gc, "run the tests with --v8-flags=--expose-gc (deno task test)");
  gc();
  gc();
  return Deno.memoryUsage().heapUsed;
}

Deno.test("backward() through a chain of 1,000,000 operations completes", () => {
  // x <- exp(x) · e⁻¹, 500,000 times: 1,000,000 operations. At x = 1 every
  // step stays at 1 and multiplies the derivative by exp(1) · e⁻¹ = 1.
  const x = new Variable(array(1));
  let y = x;
  const scale = Math.exp(-1);
  for (let i = 0; i < 500_000; i++) y = mul(exp(y), scale);
  y.backward();
  assert.ok(Math.abs(y.data.get() - 1) < 1e-6);
  assert.ok(Math.abs(x.grad!.data.get() - 1) < 1e-6);
  // Printing the end of the chain shows its value with all its digits.
  const printed = String(y).match(/^variable\((\d\.\d+)\)$/);
  assert.ok(printed !== null, String(y));
  assert.equal(Number(printed[1]), y.data.get());
});

Deno.test({
  name: "100,000 forward and backward passes hold the heap flat",
  ignore: gc === undefined,
}, () => {
  const x = new Variable(array([0.5, -0.25, 1]));
  function step(): void {
    x.clearGrad();
    square(exp(square(x))).backward();
  }
  for (let i = 0; i < 10_000; i++) step();
  const before = heapAfterGc();
  for (let i = 0; i < 100_000; i++) step();
  const after = heapAfterGc();
  // A leaked graph per pass would be tens of megabytes; allow 2 MB of noise.
  assert.ok(
    after - before < 2 * 1024 * 1024,
    `heap grew by ${after - before} bytes over 100,000 passes`,
  );
});

Deno.test({
  name: "a finished graph is garbage once its output is dropped",
  ignore: gc === undefined,
}, async () => {
  let probe: WeakRef<object> | undefined;
  (() => {
    const x = new Variable(array(2));
    const y = square(exp(x));
    y.backward();
    probe = new WeakRef(y.creator!);
  })();
  // WeakRefs hold their target until the current job ends.
  await new Promise((resolve) => setTimeout(resolve, 0));
  heapAfterGc();
  assert.equal(probe?.deref(), undefined);
});
