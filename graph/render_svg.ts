import { instance, type Viz } from "@viz-js/viz";
import type { Variable } from "../mod.ts";
import { describe } from "../core/_describe.ts";
import { checkOptions, checkOutputs, checkVerbose } from "./_check.ts";
import { checkDotSize, checkGraphSize } from "./_limits.ts";
import { type DotOptions, toDot } from "./to_dot.ts";

// One Graphviz per process: compiling its WebAssembly takes a while, and
// an instance renders any number of graphs. A failed start is not kept, so
// the next call tries again.
let viz: Promise<Viz> | undefined;

function graphviz(): Promise<Viz> {
  if (viz === undefined) {
    viz = instance();
    viz.catch(() => {
      viz = undefined;
    });
  }
  return viz;
}

/**
 * Draw the graph that produced `output` as an SVG picture, with Graphviz
 * compiled to WebAssembly (`@viz-js/viz`): no program to install and no
 * permission needed. Takes a variable, an array of variables, or DOT text
 * of your own (the `verbose` option then has nothing to change).
 *
 * Graphviz runs on the calling thread and blocks the event loop while it
 * lays the graph out, so graphs past a size it draws in a few seconds are
 * refused with a RangeError before drawing: at most 3,000 nodes (variables
 * and functions) and 3,000 edges, or for DOT text at most 3,000 edges and
 * 300,000 characters. Draw larger graphs with {@linkcode toDot} and the
 * Graphviz program (`dot -Tsvg`), or with {@linkcode toMermaid}. Long edges
 * (a variable used again far down the graph, as an RNN's weight is at every
 * step) cost Graphviz far more than nodes, so a graph is also refused when
 * its edges cross more than 3,000 ranks in all, counting for each edge the
 * ranks between its ends: an RNN cell y = tanh(h·W + b) unrolled 22 steps
 * is drawn, 23 steps are refused.
 *
 * @param output The variable to draw, an array of them, or DOT text such as
 * {@linkcode toDot} returns.
 * @param options `verbose` adds shapes and dtypes to the variables' labels.
 * @returns A complete SVG document (XML declaration, then `<svg ...>`).
 * @throws {SyntaxError} If the DOT text is not valid DOT.
 * @throws {RangeError} If the graph is past the size limits.
 *
 * @example
 * ```ts
 * import { array, exp, Variable } from "@dezero/core";
 * import { renderSvg } from "@dezero/core/graph";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array(0.5), { name: "x" });
 * const svg = await renderSvg(exp(x));
 * assert.match(svg, /<svg[^>]*>/);
 * assert.match(svg, />Exp</);
 * assert.match(svg, />x</);
 * ```
 */
export async function renderSvg(
  output: Variable | Variable[] | string,
  options?: DotOptions | null,
): Promise<string> {
  return await draw(dotOf("renderSvg()", output, options));
}

// Lay out and draw checked DOT text.
async function draw(dot: string): Promise<string> {
  const result = (await graphviz()).render(dot, { format: "svg" });
  if (result.status !== "success") {
    const reasons = result.errors
      .filter((error) => error.level !== "warning")
      .map((error) => error.message.trim());
    throw new SyntaxError(
      `Cannot draw the DOT text: Graphviz reports ${
        reasons.join("; ") || "a failure"
      }`,
    );
  }
  return result.output;
}

/**
 * Draw the graph that produced `output` as SVG (see {@linkcode renderSvg})
 * and write it to a file, the book's `plot_dot_graph(..., to_file=...)`.
 * Needs write permission for the file (`--allow-write`).
 *
 * @param output The variable to draw, an array of them, or DOT text.
 * @param path The file to write, for example `"graph.svg"`.
 * @param options `verbose` adds shapes and dtypes to the variables' labels.
 * @returns A promise that resolves once the file is written.
 *
 * @example Write when allowed to
 * ```ts
 * import { array, exp, Variable } from "@dezero/core";
 * import { writeSvg } from "@dezero/core/graph";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array(0.5), { name: "x" });
 * // Where writing is allowed (deno run --allow-write=/tmp ...):
 * const { state } = await Deno.permissions.query({ name: "write", path: "/tmp" });
 * if (state === "granted") {
 *   const path = await Deno.makeTempFile({ dir: "/tmp", suffix: ".svg" });
 *   await writeSvg(exp(x), path);
 *   assert.match(await Deno.readTextFile(path), />Exp</);
 *   await Deno.remove(path);
 * }
 * ```
 */
export async function writeSvg(
  output: Variable | Variable[] | string,
  path: string | URL,
  options?: DotOptions | null,
): Promise<void> {
  const caller = "writeSvg()";
  // Check every argument before the slow part, so a bad path fails at once.
  const dot = dotOf(caller, output, options);
  if (typeof path !== "string" && !(path instanceof URL)) {
    throw new TypeError(
      `Cannot write to ${
        describe(path)
      }: ${caller} expects a file path as a string or URL`,
    );
  }
  await Deno.writeTextFile(path, await draw(dot));
}

// The DOT text to render: given, or made by toDot, with errors naming caller.
// Graphs past the size limits are refused before anything is drawn.
function dotOf(caller: string, output: unknown, options: unknown): string {
  const verbose = checkVerbose(caller, checkOptions(caller, options));
  if (typeof output === "string") {
    checkDotSize(caller, output);
    return output;
  }
  const outputs = checkOutputs(
    caller,
    output,
    "a Variable, an array of Variables or DOT text",
  );
  checkGraphSize(caller, outputs);
  return toDot(outputs, { verbose });
}
