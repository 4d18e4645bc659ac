import type { Variable } from "../mod.ts";
import { checkOptions, checkOutputs, checkVerbose } from "./_check.ts";
import { variableLabel, walkGraph } from "./_graph.ts";

/**
 * Options of {@linkcode toDot}, {@linkcode renderSvg} and {@linkcode writeSvg}.
 *
 * @example
 * ```ts
 * import { square, Variable, array } from "@dezero/core";
 * import { toDot } from "@dezero/core/graph";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([1, 2]), "x");
 * const y = square(x);
 * assert.ok(!toDot(y).includes("float64"));
 * assert.ok(toDot(y, { verbose: true }).includes("float64"));
 * ```
 */
export interface DotOptions {
  /**
   * Show each variable's shape and dtype after its name, as
   * `x: [2, 3] float64` (default `false`: the name only).
   */
  verbose?: boolean;
}

/**
 * Describe the graph that produced `output` in Graphviz's DOT language
 * (book steps 25-26, DeZero's `get_dot_graph`): variables are orange
 * ellipses labelled with their name, functions lightblue boxes labelled with
 * their class name, and edges run input -> function -> output. Every node
 * appears once, however often it is used; ids (`v0`, `f0`, ...) follow the
 * order the nodes are found, so the text is the same on every run. The walk
 * is a loop, so graphs of any depth work.
 *
 * @param output The variable to draw, or an array of them to draw together.
 * @param options `verbose` adds shapes and dtypes to the variables' labels.
 * @returns The DOT text, a `digraph` that Graphviz draws.
 *
 * @example y = exp(x)
 * ```ts
 * import { array, exp, Variable } from "@dezero/core";
 * import { toDot } from "@dezero/core/graph";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array(0.5), { name: "x" });
 * const y = exp(x);
 * y.name = "y";
 * assert.equal(
 *   toDot(y),
 *   `digraph g {
 *   v0 [label="y", color=orange, style=filled]
 *   f0 [label="Exp", color=lightblue, style=filled, shape=box]
 *   v1 [label="x", color=orange, style=filled]
 *   v1 -> f0
 *   f0 -> v0
 * }`,
 * );
 * assert.ok(toDot(y, { verbose: true }).includes('label="x: [] float64"'));
 * ```
 */
export function toDot(
  output: Variable | Variable[],
  options?: DotOptions | null,
): string {
  const caller = "toDot()";
  const outputs = checkOutputs(
    caller,
    output,
    "a Variable or an array of Variables",
  );
  const verbose = checkVerbose(caller, checkOptions(caller, options));
  const lines = ["digraph g {"];
  walkGraph(outputs, {
    variable(id, variable) {
      lines.push(
        `  ${id} [label=${
          quote(variableLabel(caller, id, variable, verbose))
        }, color=orange, style=filled]`,
      );
    },
    function(id, func) {
      lines.push(
        `  ${id} [label=${
          quote(func.name)
        }, color=lightblue, style=filled, shape=box]`,
      );
    },
    edge(from, to) {
      lines.push(`  ${from} -> ${to}`);
    },
  });
  lines.push("}");
  return lines.join("\n");
}

// A DOT string literal showing `text` as written. Inside quotes DOT ends the
// string at `"`, and labels read `\` as the start of an escape (`\n`, `\l`,
// `\N`, ...) and `&` as the start of an HTML entity (`&amp;`, `&#945;`), so
// all three are escaped; a line break becomes `\n`, a centred line. Graphviz
// rejects NUL and stumbles on other control characters: they become U+FFFD.
function quote(text: string): string {
  return `"${
    text.replace(/["\\]/g, "\\$&")
      .replace(/&/g, "&amp;")
      .replace(/\r\n|\r|\n/g, "\\n")
      // deno-lint-ignore no-control-regex
      .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, "\ufffd")
  }"`;
}
