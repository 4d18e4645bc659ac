// Step 35 of the book: the graphs of higher-order derivatives of tanh.
//
// With `createGraph`, the gradient of y = tanh x is a Variable computed by a
// graph: Tanh's backward is gy·(1 - y²), built from Mul, Sub and Square and
// using Tanh's output y. Differentiating that graph again gives the second
// derivative, whose graph holds the first one's and more, and so on: the
// graphs grow quickly with the order. The book draws the graphs of the 1st
// to 8th derivatives at x = 1 as pictures; this counts their nodes
// (variables and functions, walking back from each derivative through the
// creators) and prints the DOT text of the 1st derivative's graph, which
// `toDot` from "@dezero/core/graph" writes and step 26 shows how to draw.
//
// Run: deno run examples/step35.ts
// Prints: for n = 1 to 8, the value of the n-th derivative at x = 1 and the
// numbers of variables and functions in its graph, then the DOT text of gx1.

import { array, type Function, tanh, Variable } from "../mod.ts";
import { toDot } from "../graph/mod.ts";

/** The numbers of variables and functions in the graph that made `output`. */
function countNodes(
  output: Variable,
): { variables: number; functions: number } {
  const variables = new Set<Variable>([output]);
  const functions = new Set<Function>();
  const stack = [output];
  while (stack.length > 0) {
    const creator = stack.pop()!.creator;
    if (creator === null || functions.has(creator)) continue;
    functions.add(creator);
    for (const input of creator.inputs) {
      if (!variables.has(input)) {
        variables.add(input);
        stack.push(input);
      }
    }
  }
  return { variables: variables.size, functions: functions.size };
}

const x = new Variable(array(1.0), { name: "x" });
const y = tanh(x);
y.name = "y";
y.backward({ createGraph: true });

const gx1 = x.grad!;
gx1.name = "gx1";
for (let n = 1; n <= 8; n++) {
  const gx = x.grad!;
  const { variables, functions } = countNodes(gx);
  console.log(
    `gx${n} = ${gx.data.get()}: ${variables} variables, ${functions} functions`,
  );
  if (n === 8) break;
  x.clearGrad();
  gx.backward({ createGraph: true });
}

console.log(toDot(gx1));
