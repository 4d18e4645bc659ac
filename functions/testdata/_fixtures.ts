// Reading the PyTorch/NumPy reference cases made by make_nn_fixtures.py and
// comparing a function against them: output, first derivatives under the
// recorded upstream gradient and, where recorded, second derivatives.

import assert from "node:assert/strict";
import {
  array,
  type Index,
  type IndexItem,
  mul,
  type NestedNumbers,
  slice,
  sum,
  Variable,
  zeros,
} from "../../mod.ts";
import { assertAllClose } from "../../testing/mod.ts";
import data from "./nn_fixtures.json" with { type: "json" };

/** One reference case. */
export interface FixtureCase {
  name: string;
  params: Record<string, unknown>;
  inputs: NestedNumbers[];
  gy?: NestedNumbers;
  output: NestedNumbers;
  outputShape?: number[];
  grads?: NestedNumbers[];
  gradInputs?: number[];
  v?: NestedNumbers[];
  hvp?: NestedNumbers[];
}

/** The cases of one function; fails if there are none. */
export function fixtureCases(name: string): FixtureCase[] {
  const cases = (data.cases as unknown as FixtureCase[]).filter((c) =>
    c.name === name
  );
  if (cases.length === 0) throw new Error(`No fixture cases for ${name}`);
  return cases;
}

const TOLERANCE = { rtol: 1e-9, atol: 1e-12 };

/**
 * Run `build` on the case's inputs and compare the output, the gradients of
 * the inputs under the recorded `gy`, and the recorded second derivatives.
 */
export function checkFixture(
  c: FixtureCase,
  build: (...inputs: Variable[]) => Variable,
): void {
  const inputs = c.inputs.map((x) => new Variable(array(x)));
  const y = build(...inputs);
  if (c.outputShape !== undefined) assert.deepEqual(y.shape, c.outputShape);
  if (y.size === 0) assert.deepEqual(c.output, []);
  else assertAllClose(y, c.output, TOLERANCE);
  if (c.grads === undefined) return;
  const wrt = (c.gradInputs ?? []).map((i) => inputs[i]);
  y.grad = y.size === 0 ? zeros(y.shape) : array(c.gy as NestedNumbers);
  y.backward({ createGraph: c.hvp !== undefined });
  wrt.forEach((x, k) => assertAllClose(x.grad!, c.grads![k], TOLERANCE));
  if (c.hvp === undefined) return;
  let total: Variable | null = null;
  wrt.forEach((x, k) => {
    const term = sum(mul(x.grad!, array(c.v![k])));
    total = total === null ? term : total.add(term);
  });
  wrt.forEach((x) => x.clearGrad());
  (total as unknown as Variable).backward();
  wrt.forEach((x, k) => {
    // No gradient at all means the second derivative is zero there.
    const second = x.grad ?? new Variable(zeros(x.shape));
    assertAllClose(second, c.hvp![k], TOLERANCE);
  });
}

/** The fixture script's index entries as our index syntax. */
export function indexFrom(entries: unknown[]): Index {
  return entries.map((entry): IndexItem => {
    const e = entry as {
      int?: number;
      slice?: (number | null)[];
      array?: NestedNumbers[];
    };
    if (e.int !== undefined) return e.int;
    if (e.slice !== undefined) return slice(...e.slice);
    return e.array as NestedNumbers[];
  });
}
