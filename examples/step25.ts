// Step 25 of the book: visualising the computational graph, part 1.
//
// The book installs Graphviz and writes a graph by hand in its DOT
// language: one line per node with its attributes (`label`, `color`,
// `style`, `shape`), and one line per edge (`1 -> 3`). Variables are orange
// ellipses and functions lightblue boxes. Here `toDot` from
// "@dezero/core/graph" writes that text for the graph of y = exp(x); step 26
// draws it without installing anything. To draw it with Graphviz's own
// program, as the book does:
//
//   deno run examples/step25.ts > sample.dot
//   dot sample.dot -T png -o sample.png
//
// Run: deno run examples/step25.ts
// Prints: the DOT text of x -> Exp -> y:
//   digraph g {
//     v0 [label="y", color=orange, style=filled]
//     f0 [label="Exp", color=lightblue, style=filled, shape=box]
//     v1 [label="x", color=orange, style=filled]
//     v1 -> f0
//     f0 -> v0
//   }

import { array, exp, Variable } from "../mod.ts";
import { toDot } from "../graph/mod.ts";

const x = new Variable(array(0.5), { name: "x" });
const y = exp(x);
y.name = "y";

console.log(toDot(y));
