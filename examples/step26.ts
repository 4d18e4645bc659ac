// Step 26 of the book: visualising the computational graph, part 2.
//
// The book's `get_dot_graph` walks back from an output and writes the DOT
// text of the whole graph, and `plot_dot_graph` runs Graphviz on it. Here
// they are `toDot` and `renderSvg` / `writeSvg` from "@dezero/core/graph":
// Graphviz compiled to WebAssembly draws the picture, so nothing needs
// installing. The graph drawn is the Goldstein-Price function of step 24,
// with `verbose` on, so each variable also shows its shape and dtype (the
// unnamed ones are intermediate results and the number operands).
//
// Run: deno run --allow-write=. examples/step26.ts [path]
// Writes: the picture to goldstein.svg (or to path), then prints
//   Wrote goldstein.svg

import { add, array, mul, sub, Variable } from "../mod.ts";
import { renderSvg } from "../graph/mod.ts";

/** z = [1 + (x + y + 1)²(...)]·[30 + (2x - 3y)²(...)], as in step 24. */
function goldstein(x: Variable, y: Variable): Variable {
  const a = add(
    1,
    x.add(y).add(1).pow(2).mul(
      sub(19, mul(14, x))
        .add(mul(3, x.pow(2)))
        .sub(mul(14, y))
        .add(mul(6, x).mul(y))
        .add(mul(3, y.pow(2))),
    ),
  );
  const b = add(
    30,
    mul(2, x).sub(mul(3, y)).pow(2).mul(
      sub(18, mul(32, x))
        .add(mul(12, x.pow(2)))
        .add(mul(48, y))
        .sub(mul(36, x).mul(y))
        .add(mul(27, y.pow(2))),
    ),
  );
  return a.mul(b);
}

/**
 * The graph of z = goldstein(x, y) at (1, 1), with x, y and z named, drawn
 * as SVG with shapes and dtypes.
 */
export function drawGoldstein(): Promise<string> {
  const x = new Variable(array(1.0), { name: "x" });
  const y = new Variable(array(1.0), { name: "y" });
  const z = goldstein(x, y);
  z.name = "z";
  return renderSvg(z, { verbose: true });
}

if (import.meta.main) {
  const path = Deno.args[0] ?? "goldstein.svg";
  await Deno.writeTextFile(path, await drawGoldstein());
  console.log(`Wrote ${path}`);
}
