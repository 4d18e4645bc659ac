// Reading the PyTorch reference cases made by make_conv_fixtures.py and
// comparing a function against them: output, first derivatives under the
// recorded upstream gradient, and the second derivatives with respect to
// every input and to the upstream gradient itself.

import assert from "node:assert/strict";
import {
  add,
  array,
  grad,
  mul,
  type NestedNumbers,
  sum,
  Variable,
  zeros,
} from "../../mod.ts";
import { assertAllClose } from "../../testing/mod.ts";
import data from "./conv_fixtures.json" with { type: "json" };

/** One reference case. */
export interface ConvCase {
  name: string;
  params: {
    stride: number | [number, number];
    pad: number | [number, number];
    kernel?: number | [number, number];
    outsize?: [number, number] | null;
  };
  inputs: NestedNumbers[];
  gy: NestedNumbers;
  output: NestedNumbers;
  outputShape: number[];
  grads: NestedNumbers[];
  v: NestedNumbers[];
  hvp: NestedNumbers[];
  ggy: NestedNumbers;
}

/** The cases of one function; fails if there are none. */
export function convCases(name: string): ConvCase[] {
  const cases = (data.cases as unknown as ConvCase[]).filter((c) =>
    c.name === name
  );
  if (cases.length === 0) throw new Error(`No fixture cases for ${name}`);
  return cases;
}

const TOLERANCE = { rtol: 1e-9, atol: 1e-12 };

/**
 * Run `build` on the case's inputs; compare the output, the gradients under
 * the recorded `gy`, and the derivatives of sum(Σ gx_i · v_i) with respect
 * to the inputs and to `gy`.
 */
export function checkConvFixture(
  c: ConvCase,
  build: (...inputs: Variable[]) => Variable,
): void {
  const inputs = c.inputs.map((x) => new Variable(array(x)));
  const y = build(...inputs);
  assert.deepEqual(y.shape, c.outputShape);
  assertAllClose(y, c.output, TOLERANCE);
  const gy = new Variable(array(c.gy));
  const gxs = grad(y, inputs, { gradOutputs: [gy], createGraph: true });
  gxs.forEach((gx, k) => assertAllClose(gx!, c.grads[k], TOLERANCE));
  let total = sum(mul(gxs[0]!, array(c.v[0])));
  for (let k = 1; k < gxs.length; k++) {
    total = add(total, sum(mul(gxs[k]!, array(c.v[k]))));
  }
  const seconds = grad(total, [...inputs, gy], { allowUnused: true });
  const expected = [...c.hvp, c.ggy];
  seconds.forEach((second, k) => {
    // No gradient at all means the second derivative is zero there.
    const actual = second ?? new Variable(zeros([...[...inputs, gy][k].shape]));
    assertAllClose(actual, expected[k], TOLERANCE);
  });
}
