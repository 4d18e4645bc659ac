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

Deno.test("examples/step11.ts prints 5 from a function with a list of outputs", async () => {
  assert.deepEqual(await captureLog(() => import("./step11.ts")), ["5"]);
});

Deno.test("examples/step12.ts prints 5 from add(x0, x1)", async () => {
  assert.deepEqual(await captureLog(() => import("./step12.ts")), ["5"]);
});

Deno.test("examples/step13.ts prints z = 13 and its gradients 4 and 6", async () => {
  assert.deepEqual(await captureLog(() => import("./step13.ts")), [
    "13",
    "4",
    "6",
  ]);
});

Deno.test("examples/step14.ts prints 2 for x + x, then 3 for x + x + x", async () => {
  assert.deepEqual(await captureLog(() => import("./step14.ts")), [
    "2",
    "3",
  ]);
});

Deno.test("examples/step16.ts prints y = 32 and its gradient 64", async () => {
  assert.deepEqual(await captureLog(() => import("./step16.ts")), [
    "32",
    "64",
  ]);
});

Deno.test("examples/step17.ts allocates 305 MB while the memory in use stays low", async () => {
  const lines = await captureLog(() => import("./step17.ts"));
  assert.equal(lines.length, 2);
  assert.equal(lines[0], "Allocated 305.2 MB of arrays in 1000 iterations");
  const match = lines[1].match(
    /^Memory in use: (\d+\.\d) MB after 10 iterations, (\d+\.\d) MB after 1000$/,
  );
  assert.ok(match !== null, `Unexpected line "${lines[1]}"`);
  const growth = Number(match[2]) - Number(match[1]);
  assert.ok(
    growth < 100,
    `Expected the graphs to be freed, but memory grew by ${growth} MB`,
  );
});

Deno.test("examples/step18.ts prints null gradients for y and t, then 2 1", async () => {
  assert.deepEqual(await captureLog(() => import("./step18.ts")), [
    "null null",
    "2 1",
  ]);
});

Deno.test("examples/step19.ts prints the name, shape, sizes and the variable", async () => {
  assert.deepEqual(await captureLog(() => import("./step19.ts")), [
    "x",
    "[ 2, 3 ]",
    "2",
    "6",
    "float64",
    "2",
    "variable([[1 2 3]\n          [4 5 6]])",
  ]);
});

Deno.test("examples/step20.ts prints variable(7) and the gradients 2 and 3", async () => {
  assert.deepEqual(await captureLog(() => import("./step20.ts")), [
    "variable(7)",
    "2",
    "3",
  ]);
});

Deno.test("examples/step21.ts prints variable(5) twice, then variable(7)", async () => {
  assert.deepEqual(await captureLog(() => import("./step21.ts")), [
    "variable(5)",
    "variable(5)",
    "variable(7)",
  ]);
});

Deno.test("examples/step22.ts prints -x, 2 - x, x - 1, 3 / x, x³ and its gradient", async () => {
  assert.deepEqual(await captureLog(() => import("./step22.ts")), [
    "variable(-2)",
    "variable(0)",
    "variable(1)",
    "variable(1.5)",
    "variable(8)",
    "12",
  ]);
});

Deno.test("examples/step23.ts prints variable(16) and the gradient 8", async () => {
  assert.deepEqual(await captureLog(() => import("./step23.ts")), [
    "variable(16)",
    "8",
  ]);
});

Deno.test("examples/step24.ts prints the book's gradients at (1, 1)", async () => {
  assert.deepEqual(await captureLog(() => import("./step24.ts")), [
    "sphere 2 2",
    "matyas 0.040000000000000036 0.040000000000000036",
    "goldstein -5376 8064",
  ]);
});
