import assert from "node:assert/strict";
import { add, array, Exp, mul, square, Variable } from "../mod.ts";
import { toDot } from "./to_dot.ts";

/** y = x0² + x0·x1, the graph most tests draw. */
function smallGraph(): { x0: Variable; x1: Variable; y: Variable } {
  const x0 = new Variable(array(2), { name: "x0" });
  const x1 = new Variable(array(3), { name: "x1" });
  const y = add(square(x0), mul(x0, x1));
  y.name = "y";
  return { x0, x1, y };
}

/** The node lines of DOT text, as id -> label. */
function nodesOf(dot: string): Map<string, string> {
  const nodes = new Map<string, string>();
  for (
    const match of dot.matchAll(/^ {2}(\w+) \[label="((?:[^"\\]|\\.)*)"/gm)
  ) {
    assert.ok(!nodes.has(match[1]), `Node ${match[1]} is declared twice`);
    nodes.set(match[1], match[2]);
  }
  return nodes;
}

/** The edges of DOT text, as [from, to] pairs. */
function edgesOf(dot: string): [string, string][] {
  return [...dot.matchAll(/^ {2}(\w+) -> (\w+)$/gm)].map((
    match,
  ) => [match[1], match[2]]);
}

/** The id of the one node with this label. */
function idOf(dot: string, label: string): string {
  const ids = [...nodesOf(dot)].filter(([, text]) => text === label);
  assert.equal(ids.length, 1, `Expected one node labelled "${label}"`);
  return ids[0][0];
}

Deno.test("toDot() draws 5 variables, 3 functions and 8 edges for x0² + x0·x1", () => {
  const dot = toDot(smallGraph().y);
  assert.ok(dot.startsWith("digraph g {\n"));
  assert.ok(dot.endsWith("\n}"));
  const nodes = nodesOf(dot);
  const labels = [...nodes.values()].sort();
  assert.deepEqual(labels, ["", "", "Add", "Mul", "Square", "x0", "x1", "y"]);
  assert.equal(edgesOf(dot).length, 8);
  // Every line is a node, an edge or the braces.
  assert.equal(dot.split("\n").length, 2 + 8 + 8);
});

Deno.test("toDot() styles variables as orange ellipses and functions as lightblue boxes", () => {
  const dot = toDot(smallGraph().y);
  assert.match(dot, /^ {2}v\d+ \[label="x0", color=orange, style=filled\]$/m);
  assert.match(
    dot,
    /^ {2}f\d+ \[label="Mul", color=lightblue, style=filled, shape=box\]$/m,
  );
  for (const [id, label] of nodesOf(dot)) {
    const isFunction = ["Add", "Mul", "Square"].includes(label);
    assert.equal(id.startsWith("f"), isFunction, `Node ${id} "${label}"`);
  }
});

Deno.test("toDot() links each input to its function and each function to its output", () => {
  const dot = toDot(smallGraph().y);
  const id = (label: string): string => idOf(dot, label);
  const edges = edgesOf(dot).map(([from, to]) => `${from} -> ${to}`);
  const unnamed = [...nodesOf(dot)].filter(([, label]) => label === "")
    .map(([id]) => id);
  assert.ok(edges.includes(`${id("x0")} -> ${id("Square")}`));
  assert.ok(edges.includes(`${id("x0")} -> ${id("Mul")}`));
  assert.ok(edges.includes(`${id("x1")} -> ${id("Mul")}`));
  assert.ok(edges.includes(`${id("Add")} -> ${id("y")}`));
  // The two intermediate results go from their function into Add.
  for (const middle of unnamed) {
    assert.ok(edges.includes(`${middle} -> ${id("Add")}`));
    assert.equal(
      edges.filter((edge) => edge.endsWith(` -> ${middle}`)).length,
      1,
    );
  }
});

Deno.test("toDot() draws a variable used twice once, with an edge for each use", () => {
  const dot = toDot(smallGraph().y);
  const x0 = idOf(dot, "x0");
  assert.equal(edgesOf(dot).filter(([from]) => from === x0).length, 2);
});

Deno.test("toDot() draws an intermediate result used twice, and its function, once", () => {
  const x = new Variable(array(1), { name: "x" });
  const a = square(x);
  a.name = "a";
  const dot = toDot(add(a, a.exp()));
  assert.deepEqual([...nodesOf(dot).values()].sort(), [
    "",
    "",
    "Add",
    "Exp",
    "Square",
    "a",
    "x",
  ]);
  const uses = edgesOf(dot).filter(([from]) => from === idOf(dot, "a"));
  assert.deepEqual(
    uses.map(([, to]) => to).sort(),
    [
      idOf(dot, "Add"),
      idOf(dot, "Exp"),
    ].sort(),
  );
  assert.equal(edgesOf(dot).length, 7);
});

Deno.test("toDot() gives a function of two inputs two incoming edges, even from one variable", () => {
  const dot = toDot(smallGraph().y);
  const mulEdges = edgesOf(dot).filter(([, to]) => to === idOf(dot, "Mul"));
  assert.deepEqual(
    mulEdges.map(([from]) => from).sort(),
    [
      idOf(dot, "x0"),
      idOf(dot, "x1"),
    ].sort(),
  );

  const x = new Variable(array(1), { name: "x" });
  const twice = toDot(add(x, x));
  assert.deepEqual(
    edgesOf(twice).filter(([, to]) => to === idOf(twice, "Add")),
    [
      [idOf(twice, "x"), idOf(twice, "Add")],
      [idOf(twice, "x"), idOf(twice, "Add")],
    ],
  );
});

Deno.test("toDot() adds shapes and dtypes to the labels when verbose", () => {
  const w = new Variable(array([[1, 2, 3], [4, 5, 6]]), { name: "w" });
  const dot = toDot(mul(w, 2), { verbose: true });
  const labels = [...nodesOf(dot).values()].sort();
  assert.deepEqual(labels, [
    "Mul",
    "[2, 3] float64",
    "[] float64",
    "w: [2, 3] float64",
  ]);
  assert.equal(toDot(mul(w, 2), { verbose: false }), toDot(mul(w, 2)));
});

Deno.test("toDot() shows only the name of a variable without data, even when verbose", () => {
  const placeholder = new Variable(null, { name: "p" });
  assert.equal(
    toDot(placeholder, { verbose: true }),
    'digraph g {\n  v0 [label="p", color=orange, style=filled]\n}',
  );
});

Deno.test("toDot() gives the same text for the same graph, built twice", () => {
  const first = toDot(smallGraph().y, { verbose: true });
  assert.equal(toDot(smallGraph().y, { verbose: true }), first);
  assert.deepEqual([...nodesOf(first).keys()].sort(), [
    "f0",
    "f1",
    "f2",
    "v0",
    "v1",
    "v2",
    "v3",
    "v4",
  ]);
});

Deno.test("toDot() draws several outputs together, their shared part once", () => {
  const { x0, x1, y } = smallGraph();
  const z = mul(x0, x1);
  z.name = "z";
  const dot = toDot([y, z, y]);
  const labels = [...nodesOf(dot).values()].sort();
  assert.deepEqual(labels, [
    "",
    "",
    "Add",
    "Mul",
    "Mul",
    "Square",
    "x0",
    "x1",
    "y",
    "z",
  ]);
  assert.equal(edgesOf(dot).length, 8 + 3);
});

Deno.test("toDot() draws every output of a function with several outputs", () => {
  // Linked by hand: the picture reads only inputs, outputs and creator.
  const x = new Variable(array(1), { name: "x" });
  const a = new Variable(array(1), { name: "a" });
  const b = new Variable(array(1), { name: "b" });
  const split = new Exp();
  split.inputs = [x];
  split.outputs = [a, b];
  a.creator = split;
  b.creator = split;
  const dot = toDot(a);
  const f = idOf(dot, "Exp");
  assert.deepEqual(edgesOf(dot), [
    [idOf(dot, "x"), f],
    [f, idOf(dot, "a")],
    [f, idOf(dot, "b")],
  ]);
  // Drawn from its other output, the function shows the same three edges.
  const fromB = toDot(b);
  assert.deepEqual([...nodesOf(fromB).values()].sort(), ["Exp", "a", "b", "x"]);
  assert.equal(edgesOf(fromB).length, 3);
});

Deno.test("toDot() escapes quotes, backslashes and line breaks in names", () => {
  const x = new Variable(array(1), { name: 'say "hi" \\ there\nnext\r\nlast' });
  const dot = toDot(x);
  assert.equal(
    dot,
    'digraph g {\n  v0 [label="say \\"hi\\" \\\\ there\\nnext\\nlast", color=orange, style=filled]\n}',
  );
  class Renamed extends Exp {}
  Object.defineProperty(Renamed, "name", { value: 'Odd"Name' });
  assert.match(toDot(new Renamed().call(x)), /label="Odd\\"Name"/);
});

Deno.test("toDot() exports a chain of 100,000 operations without recursion", () => {
  const x = new Variable(array(1), { name: "x" });
  let y = x;
  for (let i = 0; i < 100_000; i++) y = y.square();
  const start = performance.now();
  const dot = toDot(y);
  const seconds = (performance.now() - start) / 1000;
  const lines = dot.split("\n");
  // 100,001 variables, 100,000 functions, 200,000 edges and the braces.
  assert.equal(lines.length, 100_001 + 100_000 + 200_000 + 2);
  assert.equal(lines.filter((line) => line.includes(" -> ")).length, 200_000);
  assert.ok(dot.includes('v100000 [label="x"'));
  assert.ok(seconds < 10, `Took ${seconds.toFixed(1)} s`);
});

Deno.test("toDot() rejects what is not a Variable, naming what it got", () => {
  const { y } = smallGraph();
  const cases: [unknown, string][] = [
    ["x", 'string "x"'],
    [3, "number 3"],
    [{}, "object"],
    [null, "null"],
    [undefined, "undefined"],
    [new Map(), "Map object"],
    [y.creator, "Add object"],
  ];
  for (const [value, described] of cases) {
    assert.throws(() => toDot(value as Variable), {
      name: "TypeError",
      message:
        `Cannot draw ${described}: toDot() expects a Variable or an array of Variables`,
    });
  }
  assert.throws(() => toDot([y, 3] as Variable[]), {
    name: "TypeError",
    message:
      "Cannot draw number 3 at index 1: toDot() expects a Variable or an array of Variables",
  });
  assert.throws(() => toDot([]), {
    name: "RangeError",
    message:
      "Cannot draw an empty array: toDot() expects at least one Variable",
  });
});

Deno.test("toDot() rejects options that are not an object or a verbose that is not boolean", () => {
  const { y } = smallGraph();
  // null means the defaults, as undefined does (a TypeError before 0.5.0).
  assert.equal(toDot(y, null), toDot(y));
  assert.throws(() => toDot(y, { verbos: true } as never), {
    name: "TypeError",
    message: 'Cannot use the option "verbos": toDot() knows only verbose',
  });
  assert.throws(() => toDot(y, true as unknown as undefined), {
    name: "TypeError",
    message:
      "Cannot use boolean true as options: toDot() expects an object such as { verbose: true }",
  });
  assert.throws(() => toDot(y, { verbose: "yes" as unknown as boolean }), {
    name: "TypeError",
    message:
      'Cannot use string "yes" as the verbose option: toDot() expects true or false',
  });
});

Deno.test("toDot() escapes & so that Graphviz shows entity-like names as written", () => {
  const x = new Variable(array(1), { name: "a&amp;b &#945;" });
  assert.match(toDot(x), /label="a&amp;amp;b &amp;#945;"/);
});

Deno.test("toDot() replaces control characters Graphviz rejects with U+FFFD", () => {
  const x = new Variable(array(1), { name: "a\u0000b\u001bc\td" });
  assert.match(toDot(x), /label="a\ufffdb\ufffdc\td"/);
});

Deno.test("toDot() shows a number, bigint or boolean name as String() does", () => {
  for (
    const [name, label] of [[3, "3"], [-0.5, "-0.5"], [7n, "7"], [true, "true"]]
  ) {
    const x = new Variable(array(1));
    (x as { name: unknown }).name = name;
    assert.match(toDot(x), new RegExp(`v0 \\[label="${label}"`));
  }
  const x = new Variable(array(1));
  (x as { name: unknown }).name = null;
  assert.match(toDot(x), /v0 \[label=""/);
});

Deno.test("toDot() rejects a symbol, object or function as a name with a TypeError", () => {
  for (
    const [name, described] of [
      [Symbol("x"), "symbol Symbol(x)"],
      [{ toString: () => "x" }, "object"],
      [[1], "array of length 1"],
      [() => 1, "function (anonymous)"],
    ] as const
  ) {
    const x = new Variable(array(1), { name: "x" });
    const y = x.exp();
    (x as { name: unknown }).name = name;
    assert.throws(() => toDot(y), {
      name: "TypeError",
      message:
        `Cannot draw the name ${described} of variable v1: toDot() expects a string, a number or undefined as a name`,
    });
  }
});
