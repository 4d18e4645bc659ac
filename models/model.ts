import type { DotOptions } from "../graph/to_dot.ts";
import { renderSvg } from "../graph/render_svg.ts";
import { toDot } from "../graph/to_dot.ts";
import type { Operand } from "../core/function.ts";
import { Layer } from "../layers/layer.ts";

/**
 * A {@linkcode Layer} that is a whole network (DeZero's `Model`): the same
 * parameters and calls, plus pictures of the graph it builds.
 *
 * @example A model of your own, drawn
 * ```ts
 * import { array, sigmoid, type Variable } from "@dezero/core";
 * import { Linear } from "@dezero/core/layers";
 * import { Model } from "@dezero/core/models";
 * import assert from "node:assert/strict";
 *
 * class TwoLayerNet extends Model {
 *   l1 = new Linear(10);
 *   l2 = new Linear(1);
 *   forward(x: Variable): Variable {
 *     return this.l2.call(sigmoid(this.l1.call(x)));
 *   }
 * }
 *
 * const model = new TwoLayerNet();
 * const dot = model.toDot(array([[0.5]]));
 * assert.match(dot, /label="W: \[1, 10\] float64"/);
 * const svg = await model.plot(array([[0.5]]));
 * assert.match(svg, />Sigmoid</);
 * ```
 */
export abstract class Model extends Layer {
  /**
   * Run the model on `inputs` and draw the graph it builds as SVG, with
   * shapes and dtypes (DeZero's `plot`, which writes a PNG through the
   * `dot` program; here Graphviz runs as WebAssembly and nothing needs
   * installing). Write it with `Deno.writeTextFile("model.svg", svg)`.
   *
   * @param inputs The inputs to run the model on.
   * @returns The SVG document.
   */
  plot(...inputs: Operand[]): Promise<string> {
    return renderSvg(this.apply(...inputs), VERBOSE);
  }

  /**
   * Run the model on `inputs` and describe the graph it builds as Graphviz
   * DOT text, with shapes and dtypes.
   *
   * @param inputs The inputs to run the model on.
   * @returns The DOT text.
   */
  toDot(...inputs: Operand[]): string {
    return toDot(this.apply(...inputs), VERBOSE);
  }
}

const VERBOSE: DotOptions = { verbose: true };
