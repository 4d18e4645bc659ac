/**
 * Pictures of computational graphs (book steps 25-26): the graph that
 * produced a variable as Graphviz DOT text ({@linkcode toDot}), as a Mermaid
 * flowchart ({@linkcode toMermaid}), or drawn as SVG by Graphviz compiled to
 * WebAssembly ({@linkcode renderSvg}, {@linkcode writeSvg}), with no
 * program to install.
 *
 * @example Draw z = x·y + x
 * ```ts
 * import { array, Variable } from "@dezero/core";
 * import { renderSvg, toDot } from "@dezero/core/graph";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array(2), { name: "x" });
 * const y = new Variable(array(3), { name: "y" });
 * const z = x.mul(y).add(x);
 * z.name = "z";
 *
 * const dot = toDot(z, { verbose: true });
 * assert.ok(dot.includes('[label="x: [] float64", color=orange, style=filled]'));
 * assert.equal(dot.match(/ -> /g)?.length, 6);
 *
 * const svg = await renderSvg(z);
 * assert.match(svg, />Mul</);
 * assert.match(svg, />Add</);
 * ```
 *
 * @module
 */
export * from "./render_svg.ts";
export * from "./to_dot.ts";
export * from "./to_mermaid.ts";
