import type { Variable } from "../mod.ts";
import { describe } from "../core/_describe.ts";
import { checkOptions, checkOutputs, checkVerbose } from "./_check.ts";
import { variableLabel, walkGraph } from "./_graph.ts";
import type { DotOptions } from "./to_dot.ts";

/**
 * Options of {@linkcode toMermaid}.
 *
 * @example
 * ```ts
 * import { square, Variable, array } from "@dezero/core";
 * import { toMermaid } from "@dezero/core/graph";
 * import assert from "node:assert/strict";
 *
 * const y = square(new Variable(array([1, 2]), "x"));
 * assert.ok(toMermaid(y, { direction: "LR" }).startsWith("flowchart LR"));
 * ```
 */
export interface MermaidOptions extends DotOptions {
  /**
   * The direction the flowchart runs: `"TD"` top to bottom (the default,
   * like Graphviz) or `"LR"` left to right.
   */
  direction?: "TD" | "LR";
}

const directions: readonly string[] = ["TD", "LR"];

/**
 * Describe the graph that produced `output` as a Mermaid flowchart, for
 * Markdown that renders Mermaid (GitHub, many editors): the picture of
 * {@linkcode toDot} with variables as orange rounded nodes and functions as
 * lightblue boxes. Labels are quoted and escaped with Mermaid's entity codes
 * (`"` as `#quot;`), so any name is safe. Mermaid renders a few hundred
 * edges by default; for large graphs prefer {@linkcode renderSvg}.
 *
 * @param output The variable to draw, or an array of them to draw together.
 * @param options `verbose` adds shapes and dtypes to the variables' labels;
 * `direction` is `"TD"` (default) or `"LR"`.
 * @returns The flowchart text, starting with `flowchart TD` or
 * `flowchart LR`.
 *
 * @example y = exp(x), left to right
 * ```ts
 * import { array, exp, Variable } from "@dezero/core";
 * import { toMermaid } from "@dezero/core/graph";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array(0.5), { name: "x" });
 * const y = exp(x);
 * y.name = "y";
 * assert.equal(
 *   toMermaid(y, { direction: "LR" }),
 *   `flowchart LR
 *   v0(["y"]):::variable
 *   f0["Exp"]:::function
 *   v1(["x"]):::variable
 *   v1 --> f0
 *   f0 --> v0
 *   classDef variable fill:orange,stroke:#c77700
 *   classDef function fill:lightblue,stroke:#4a90b0`,
 * );
 * ```
 */
export function toMermaid(
  output: Variable | Variable[],
  options?: MermaidOptions | null,
): string {
  const caller = "toMermaid()";
  const outputs = checkOutputs(
    caller,
    output,
    "a Variable or an array of Variables",
  );
  const checked = checkOptions(caller, options, ["verbose", "direction"]);
  const verbose = checkVerbose(caller, checked);
  const direction = checked.direction ?? "TD";
  if (typeof direction !== "string") {
    throw new TypeError(
      `Cannot use ${
        describe(direction)
      } as the direction option: ${caller} expects "TD" or "LR"`,
    );
  }
  if (!directions.includes(direction)) {
    throw new RangeError(
      `Cannot use ${
        describe(direction)
      } as the direction option: ${caller} expects "TD" or "LR"`,
    );
  }
  const lines = [`flowchart ${direction}`];
  walkGraph(outputs, {
    variable(id, variable) {
      lines.push(
        `  ${id}(["${
          escape(variableLabel(caller, id, variable, verbose))
        }"]):::variable`,
      );
    },
    function(id, func) {
      lines.push(`  ${id}["${escape(func.name)}"]:::function`);
    },
    edge(from, to) {
      lines.push(`  ${from} --> ${to}`);
    },
  });
  lines.push(
    "  classDef variable fill:orange,stroke:#c77700",
    "  classDef function fill:lightblue,stroke:#4a90b0",
  );
  return lines.join("\n");
}

// Mermaid's entity codes for the characters that could end the quoted label
// (`"`), start an entity code (`#`), or be read as HTML or Markdown; a line
// break becomes <br>, other control characters U+FFFD. An empty label would
// be an error: a space stands in.
const entities: Record<string, string> = {
  '"': "#quot;",
  "#": "#35;",
  "&": "#amp;",
  "<": "#lt;",
  ">": "#gt;",
  "`": "#96;",
};

function escape(text: string): string {
  if (text === "") return " ";
  return text.replace(/["#&<>`]/g, (character) => entities[character])
    .replace(/\r\n|\r|\n/g, "<br>")
    // deno-lint-ignore no-control-regex
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, "\ufffd");
}
