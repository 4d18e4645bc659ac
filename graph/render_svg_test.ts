import assert from "node:assert/strict";
import { add, array, mul, square, Variable } from "../mod.ts";
import { renderSvg, writeSvg } from "./render_svg.ts";
import { toDot } from "./to_dot.ts";

/** y = x0² + x0·x1. */
function smallGraph(): Variable {
  const x0 = new Variable(array(2), { name: "x0" });
  const x1 = new Variable(array(3), { name: "x1" });
  const y = add(square(x0), mul(x0, x1));
  y.name = "y";
  return y;
}

/** The texts drawn in an SVG picture, entities decoded. */
function textsOf(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) =>
    match[1].replaceAll("&quot;", '"').replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">").replaceAll("&#45;", "-")
      .replaceAll("&amp;", "&")
  );
}

Deno.test("renderSvg() draws an SVG document with every node and edge of the graph", async () => {
  const svg = await renderSvg(smallGraph());
  assert.match(svg, /^<\?xml [^>]*>\s*<!DOCTYPE svg[^>]*>/);
  assert.match(svg, /<svg [^>]*>/);
  assert.ok(svg.trimEnd().endsWith("</svg>"));
  assert.equal(svg.match(/class="node"/g)?.length, 8);
  assert.equal(svg.match(/class="edge"/g)?.length, 8);
  assert.deepEqual(textsOf(svg).sort(), [
    "Add",
    "Mul",
    "Square",
    "x0",
    "x1",
    "y",
  ]);
  assert.match(svg, /fill="orange"/);
  assert.match(svg, /fill="lightblue"/);
});

Deno.test("renderSvg() shows shapes and dtypes when verbose", async () => {
  const texts = textsOf(await renderSvg(smallGraph(), { verbose: true }));
  assert.ok(texts.includes("x0: [] float64"), texts.join(", "));
  assert.equal(texts.filter((text) => text === "[] float64").length, 2);
});

Deno.test("renderSvg() draws DOT text as given", async () => {
  const svg = await renderSvg('digraph g { a [label="A"]; a -> b }');
  assert.deepEqual(textsOf(svg), ["A", "b"]);
  assert.equal(
    await renderSvg(toDot(smallGraph())),
    await renderSvg(smallGraph()),
  );
});

Deno.test("renderSvg() draws a name with quotes, backslashes and line breaks as written", async () => {
  const x = new Variable(array(1), { name: 'say "hi" \\ there\nnext' });
  const texts = textsOf(await renderSvg(x));
  assert.deepEqual(texts, ['say "hi" \\ there', "next"]);
});

Deno.test("renderSvg() reports invalid DOT text as a SyntaxError", async () => {
  await assert.rejects(renderSvg("digraph g { a -> }"), {
    name: "SyntaxError",
    message:
      "Cannot draw the DOT text: Graphviz reports syntax error in line 1 near '}'",
  });
  // The instance survives a failure.
  assert.match(await renderSvg("digraph { a }"), /<svg /);
});

Deno.test("renderSvg() rejects what is neither a Variable nor DOT text", async () => {
  await assert.rejects(renderSvg(3 as unknown as string), {
    name: "TypeError",
    message:
      "Cannot draw number 3: renderSvg() expects a Variable, an array of Variables or DOT text",
  });
  await assert.rejects(renderSvg([smallGraph(), "x"] as Variable[]), {
    name: "TypeError",
    message:
      'Cannot draw string "x" at index 1: renderSvg() expects a Variable, an array of Variables or DOT text',
  });
  await assert.rejects(
    renderSvg(smallGraph(), { verbose: 1 as unknown as boolean }),
    {
      name: "TypeError",
      message:
        "Cannot use number 1 as the verbose option: renderSvg() expects true or false",
    },
  );
});

Deno.test("writeSvg() writes the picture when allowed to, or fails with Deno's permission error", async () => {
  const y = smallGraph();
  // Ask about the exact places: the test task grants writing under /tmp
  // only, and CI may run from a checkout that is itself under /tmp.
  const here = await Deno.permissions.query({
    name: "write",
    path: "graph.svg",
  });
  if (here.state !== "granted") {
    await assert.rejects(writeSvg(y, "graph.svg"), Deno.errors.NotCapable);
  }
  const temp = await Deno.permissions.query({ name: "write", path: "/tmp" });
  if (temp.state === "granted") {
    const directory = await Deno.makeTempDir({ dir: "/tmp" });
    try {
      const path = `${directory}/graph.svg`;
      await writeSvg(y, path, { verbose: true });
      assert.equal(
        await Deno.readTextFile(path),
        await renderSvg(y, { verbose: true }),
      );
    } finally {
      await Deno.remove(directory, { recursive: true });
    }
  }
});

Deno.test("writeSvg() rejects a path that is not a string or URL before drawing", async () => {
  await assert.rejects(writeSvg(smallGraph(), 42 as unknown as string), {
    name: "TypeError",
    message:
      "Cannot write to number 42: writeSvg() expects a file path as a string or URL",
  });
  await assert.rejects(writeSvg(null as unknown as string, "graph.svg"), {
    name: "TypeError",
    message:
      "Cannot draw null: writeSvg() expects a Variable, an array of Variables or DOT text",
  });
});

Deno.test("renderSvg() draws names that look like HTML entities as written", async () => {
  const x = new Variable(array(1), { name: "a&amp;b &#945; <i>" });
  assert.deepEqual(textsOf(await renderSvg(x)), ["a&amp;b &#945; <i>"]);
});

/** y = x squared n times: n functions, n + 1 variables, 2n edges. */
function chain(n: number): Variable {
  let y = new Variable(array(1), { name: "x" });
  for (let i = 0; i < n; i++) y = y.square();
  return y;
}

Deno.test("renderSvg() refuses 10,000 functions and 20,000 edges at once, pointing to toDot()", async () => {
  const y = chain(10_000);
  const start = performance.now();
  await assert.rejects(renderSvg(y), {
    name: "RangeError",
    message:
      "Cannot draw a graph of 20001 nodes and 20000 edges: renderSvg() draws at most 3000 nodes and 3000 edges, as Graphviz takes seconds to minutes beyond and blocks the event loop; use toDot() and the Graphviz program (dot -Tsvg), or toMermaid(), for larger graphs",
  });
  await assert.rejects(writeSvg(y, "never.svg"), RangeError);
  // One edge past the limit is refused as well.
  await assert.rejects(renderSvg(chain(1_501)), RangeError);
  const seconds = (performance.now() - start) / 1000;
  assert.ok(seconds < 1, `Took ${seconds.toFixed(2)} s`);
});

Deno.test("renderSvg() refuses DOT text with too many edges or characters", async () => {
  await assert.rejects(renderSvg(toDot(chain(2_000))), {
    name: "RangeError",
    message:
      /^Cannot draw DOT text with 4000 edges: renderSvg\(\) draws at most 3000 edges/,
  });
  await assert.rejects(
    renderSvg(`digraph g { a [label="${"x".repeat(300_000)}"] }`),
    {
      name: "RangeError",
      message:
        /^Cannot draw DOT text of 300026 characters: renderSvg\(\) draws at most 300000 characters/,
    },
  );
});

Deno.test("renderSvg() draws a graph just under the limit in a few seconds", async () => {
  // 1,500 functions: 3,001 nodes... one too many; 1,499: 2,999 nodes and
  // 2,998 edges.
  const y = chain(1_499);
  const start = performance.now();
  const svg = await renderSvg(y);
  const seconds = (performance.now() - start) / 1000;
  assert.equal(svg.match(/<g id="node/g)?.length, 2_999);
  assert.equal(svg.match(/<g id="edge/g)?.length, 2_998);
  assert.ok(seconds < 10, `Took ${seconds.toFixed(2)} s`);
});

/** An RNN cell h = tanh(h·W + b) unrolled n steps: W and b used at each. */
function rnn(n: number): Variable {
  const w = new Variable(array(0.5), { name: "W" });
  const b = new Variable(array(0.1), { name: "b" });
  let h = new Variable(array(1), { name: "h" });
  for (let i = 0; i < n; i++) h = h.mul(w).add(b).tanh();
  return h;
}

// By hand: step i's Mul sits 6(i - 1) + 1 ranks below h, its Add two lower;
// W sits just above the first Mul and b just above the first Add, so the
// edges of W and b to step i each cross 6(i - 1) ranks: 6n(n - 1) in all.
// That is 2,772 for 22 steps, 3,036 for 23.

Deno.test("renderSvg() refuses a graph with too many long edges at once", async () => {
  const start = performance.now();
  await assert.rejects(renderSvg(rnn(23)), {
    name: "RangeError",
    message:
      "Cannot draw a graph whose long edges cross 3036 ranks in all: renderSvg() draws at most 3000, as Graphviz takes minutes for many long edges (a variable used again far down the graph) and blocks the event loop; use toDot() and the Graphviz program (dot -Tsvg), or toMermaid(), for larger graphs",
  });
  const seconds = (performance.now() - start) / 1000;
  assert.ok(seconds < 1, `Took ${seconds.toFixed(2)} s`);
});

Deno.test("renderSvg() draws an RNN unrolled just under the long-edge limit in a few seconds", async () => {
  const start = performance.now();
  const svg = await renderSvg(rnn(22));
  const seconds = (performance.now() - start) / 1000;
  // 3 variables to start, then 3 functions and 3 variables per step.
  assert.equal(svg.match(/<g id="node/g)?.length, 3 + 22 * 6);
  assert.ok(seconds < 15, `Took ${seconds.toFixed(2)} s`);
});
