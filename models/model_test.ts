import assert from "node:assert/strict";
import { array, relu, type Variable } from "../mod.ts";
import { Linear } from "../layers/linear.ts";
import { MLP } from "./mlp.ts";
import { Model } from "./model.ts";

Deno.test("Model.plot() draws the network's graph as SVG with parameter names and shapes", async () => {
  const model = new MLP([4, 1], { activation: relu });
  const svg = await model.plot(array([[1, 2]]));
  assert.match(svg, /^<\?xml/);
  assert.match(svg, />Linear</);
  assert.match(svg, />ReLU</);
  assert.match(svg, />W: \[2, 4\] float64</);
});

Deno.test("Model.toDot() describes a model with two outputs", () => {
  class Two extends Model {
    a = new Linear(2);
    forward(x: Variable): Variable[] {
      const y = this.a.call(x);
      return [y.mul(2), y.mul(3)];
    }
  }
  const dot = new Two().toDot(array([[1]]));
  assert.equal(dot.match(/label="Mul"/g)?.length, 2);
  assert.match(dot, /label="b: \[2\] float64"/);
});
