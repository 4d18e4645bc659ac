// Each example runs in this process with console.log captured, and must
// print what the book prints. A module runs only on its first import, so each
// example is imported once, by one test.

import assert from "node:assert/strict";

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

const gradient = "3.297442541400256";

Deno.test("examples/step01.ts prints 1", async () => {
  assert.deepEqual(await captureLog(() => import("./step01.ts")), ["1"]);
});

Deno.test("examples/step02.ts prints the class Variable and 100", async () => {
  assert.deepEqual(await captureLog(() => import("./step02.ts")), [
    "Variable",
    "100",
  ]);
});

Deno.test("examples/step03.ts prints 1.648721270700128", async () => {
  assert.deepEqual(await captureLog(() => import("./step03.ts")), [
    "1.648721270700128",
  ]);
});

Deno.test("examples/step04.ts prints a number within 1e-9 of 4", async () => {
  const lines = await captureLog(() => import("./step04.ts"));
  assert.equal(lines.length, 1);
  assert.ok(
    Math.abs(Number(lines[0]) - 4) < 1e-9,
    `Expected a number within 1e-9 of 4, got "${lines[0]}"`,
  );
});

Deno.test(`examples/step06.ts prints ${gradient}`, async () => {
  assert.deepEqual(await captureLog(() => import("./step06.ts")), [gradient]);
});

Deno.test(`examples/step07.ts prints ${gradient}`, async () => {
  assert.deepEqual(await captureLog(() => import("./step07.ts")), [gradient]);
});

Deno.test(`examples/step08.ts prints ${gradient}`, async () => {
  assert.deepEqual(await captureLog(() => import("./step08.ts")), [gradient]);
});

Deno.test(`examples/step09.ts prints ${gradient}`, async () => {
  assert.deepEqual(await captureLog(() => import("./step09.ts")), [gradient]);
});

Deno.test("examples/demo.ts prints each step's value", async () => {
  const lines = await captureLog(() => import("./demo.ts"));
  const expected: [number, string][] = [
    [1, "1"],
    [2, "100"],
    [3, "1.648721270700128"],
    [4, "4.000000000004"],
    [6, gradient],
    [7, gradient],
    [8, gradient],
    [9, gradient],
  ];
  for (const [step, value] of expected) {
    const line = lines.find((line) => line.startsWith(`Step ${step} `));
    assert.ok(line !== undefined, `Expected a line for step ${step}`);
    assert.ok(
      line.endsWith(` ${value}`),
      `Expected step ${step} to end with ${value}, got "${line}"`,
    );
  }
  assert.ok(lines.some((line) => line.startsWith("Step 5 ")));
  assert.ok(lines.join("\n").includes("deno test examples/step10.ts"));
});
