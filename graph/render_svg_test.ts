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
  const { state } = await Deno.permissions.query({ name: "write" });
  if (state === "granted") {
    const directory = await Deno.makeTempDir();
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
  } else {
    await assert.rejects(writeSvg(y, "graph.svg"), Deno.errors.NotCapable);
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
