import assert from "node:assert/strict";
import { add, array, mul, square, Variable } from "../mod.ts";
import { toDot } from "./to_dot.ts";
import { toMermaid } from "./to_mermaid.ts";

/** y = x0² + x0·x1, drawn by most tests. */
function smallGraph(): Variable {
  const x0 = new Variable(array(2), { name: "x0" });
  const x1 = new Variable(array(3), { name: "x1" });
  const y = add(square(x0), mul(x0, x1));
  y.name = "y";
  return y;
}

/** The node lines of a flowchart, as id -> label. */
function nodesOf(text: string): Map<string, string> {
  const nodes = new Map<string, string>();
  for (
    const match of text.matchAll(
      /^ {2}(\w+)(?:\(\["([^"]*)"\]\):::variable|\["([^"]*)"\]:::function)$/gm,
    )
  ) {
    assert.ok(!nodes.has(match[1]), `Node ${match[1]} is declared twice`);
    nodes.set(match[1], match[2] ?? match[3]);
  }
  return nodes;
}

/** The edges of a flowchart, as [from, to] pairs. */
function edgesOf(text: string): [string, string][] {
  return [...text.matchAll(/^ {2}(\w+) --> (\w+)$/gm)].map((
    match,
  ) => [match[1], match[2]]);
}

function idOf(text: string, label: string): string {
  const ids = [...nodesOf(text)].filter(([, text]) => text === label);
  assert.equal(ids.length, 1, `Expected one node labelled "${label}"`);
  return ids[0][0];
}

Deno.test("toMermaid() draws 5 variables, 3 functions and 8 edges for x0² + x0·x1", () => {
  const text = toMermaid(smallGraph());
  const lines = text.split("\n");
  assert.equal(lines[0], "flowchart TD");
  assert.deepEqual([...nodesOf(text).values()].sort(), [
    " ",
    " ",
    "Add",
    "Mul",
    "Square",
    "x0",
    "x1",
    "y",
  ]);
  assert.equal(edgesOf(text).length, 8);
  assert.deepEqual(lines.slice(-2), [
    "  classDef variable fill:orange,stroke:#c77700",
    "  classDef function fill:lightblue,stroke:#4a90b0",
  ]);
  assert.equal(lines.length, 1 + 8 + 8 + 2);
});

Deno.test("toMermaid() draws a shared variable once and both inputs of Mul", () => {
  const text = toMermaid(smallGraph());
  const mulInputs = edgesOf(text).filter(([, to]) => to === idOf(text, "Mul"))
    .map(([from]) => from).sort();
  assert.deepEqual(mulInputs, [idOf(text, "x0"), idOf(text, "x1")].sort());
  const x0Uses = edgesOf(text).filter(([from]) => from === idOf(text, "x0"));
  assert.equal(x0Uses.length, 2);
});

Deno.test("toMermaid() uses the same ids and edges as toDot()", () => {
  const y = smallGraph();
  const dotEdges = [...toDot(y).matchAll(/^ {2}(\w+) -> (\w+)$/gm)]
    .map((match) => [match[1], match[2]]);
  assert.deepEqual(edgesOf(toMermaid(y)), dotEdges);
});

Deno.test("toMermaid() adds shapes and dtypes when verbose and runs left to right on request", () => {
  const w = new Variable(array([[1, 2, 3], [4, 5, 6]]), { name: "w" });
  const text = toMermaid(mul(w, 2), { verbose: true, direction: "LR" });
  assert.ok(text.startsWith("flowchart LR\n"));
  assert.deepEqual([...nodesOf(text).values()].sort(), [
    "Mul",
    "[2, 3] float64",
    "[] float64",
    "w: [2, 3] float64",
  ]);
  assert.ok(toMermaid(w, { direction: "TD" }).startsWith("flowchart TD\n"));
});

Deno.test("toMermaid() escapes quotes, #, HTML and line breaks with entity codes", () => {
  const x = new Variable(array(1), {
    name: 'say "hi" #quot; <b>&`\nnext',
  });
  assert.equal(
    toMermaid(x).split("\n")[1],
    '  v0(["say #quot;hi#quot; #35;quot; #lt;b#gt;#amp;#96;<br>next"]):::variable',
  );
});

Deno.test("toMermaid() exports a chain of 100,000 operations without recursion", () => {
  let y = new Variable(array(1), { name: "x" });
  for (let i = 0; i < 100_000; i++) y = y.square();
  const lines = toMermaid(y).split("\n");
  assert.equal(lines.length, 1 + 100_001 + 100_000 + 200_000 + 2);
  assert.ok(lines.includes('  v100000(["x"]):::variable'));
});

Deno.test("toMermaid() rejects bad outputs and options, naming itself", () => {
  const y = smallGraph();
  assert.throws(() => toMermaid("y" as unknown as Variable), {
    name: "TypeError",
    message:
      'Cannot draw string "y": toMermaid() expects a Variable or an array of Variables',
  });
  assert.throws(() => toMermaid([y, {}] as Variable[]), {
    name: "TypeError",
    message:
      "Cannot draw object at index 1: toMermaid() expects a Variable or an array of Variables",
  });
  assert.throws(() => toMermaid(y, { direction: "XY" as "LR" }), {
    name: "RangeError",
    message:
      'Cannot use string "XY" as the direction option: toMermaid() expects "TD" or "LR"',
  });
  assert.throws(() => toMermaid(y, { direction: 1 as unknown as "LR" }), {
    name: "TypeError",
    message:
      'Cannot use number 1 as the direction option: toMermaid() expects "TD" or "LR"',
  });
  assert.throws(() => toMermaid(y, { verbose: 1 as unknown as boolean }), {
    name: "TypeError",
    message:
      "Cannot use number 1 as the verbose option: toMermaid() expects true or false",
  });
});

Deno.test("toMermaid() shows number names, rejects symbol names, and replaces control characters", () => {
  const x = new Variable(array(1));
  (x as { name: unknown }).name = 42;
  assert.equal(toMermaid(x).split("\n")[1], '  v0(["42"]):::variable');
  (x as { name: unknown }).name = "a\u0000b";
  assert.equal(toMermaid(x).split("\n")[1], '  v0(["a\ufffdb"]):::variable');
  (x as { name: unknown }).name = Symbol("s");
  assert.throws(() => toMermaid(x), {
    name: "TypeError",
    message:
      "Cannot draw the name symbol Symbol(s) of variable v0: toMermaid() expects a string, a number or undefined as a name",
  });
});

Deno.test("toMermaid() takes null options as the defaults and rejects unknown options", () => {
  const y = smallGraph();
  assert.equal(toMermaid(y, null), toMermaid(y));
  assert.throws(() => toMermaid(y, { dir: "LR" } as never), {
    name: "TypeError",
    message:
      'Cannot use the option "dir": toMermaid() knows only verbose and direction',
  });
});
