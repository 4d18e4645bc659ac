// Test helper: replays the cases of optimizers.json (made by
// make_fixtures.py) on our optimizers, with the parameters and gradients
// laid out contiguously or as strided views with an offset.

import { type Float64NdArray, view } from "../../core/_ndarray.ts";
import { array, type NestedNumbers, Parameter, toNested } from "../../mod.ts";
import { assertAllClose } from "../../testing/mod.ts";
import type { Optimizer } from "../optimizer.ts";
import optimizersJson from "./optimizers.json" with { type: "json" };

interface Fixtures {
  initial: NestedNumbers[];
  grads: NestedNumbers[][];
  cases: Record<string, NestedNumbers[][]>;
}

// A JSON import needs no --allow-read, so a plain `deno test` runs these too.
const fixtures: Fixtures = optimizersJson;

/** The fixture's case names. */
export const caseNames: string[] = Object.keys(fixtures.cases);

const SENTINEL = 999.5;

/**
 * The values of `nested` as a view that is not contiguous and does not
 * start at offset 0, in storage padded with a sentinel: 2-d column-major,
 * 1-d every other element, 0-d after one padding element.
 */
function stridedCopy(nested: NestedNumbers): Float64NdArray {
  const a = array(nested);
  const shape = [...a.shape];
  if (shape.length === 2) {
    const [rows, columns] = shape;
    const storage = new Float64Array(rows * columns + 2).fill(SENTINEL);
    const out = view(storage, shape, [1, rows], 1);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < columns; j++) out.set(i, j, a.get(i, j));
    }
    return out;
  }
  if (shape.length === 1) {
    const storage = new Float64Array(2 * shape[0] + 1).fill(SENTINEL);
    const out = view(storage, shape, [2], 1);
    for (let i = 0; i < shape[0]; i++) out.set(i, a.get(i));
    return out;
  }
  const storage = new Float64Array([SENTINEL, a.get(), SENTINEL]);
  return view(storage, [], [], 1);
}

/** Every storage element outside the view still holds the sentinel. */
function checkPadding(a: Float64NdArray): void {
  const inside = new Set<number>();
  const shape = a.shape;
  const size = shape.reduce((p, n) => p * n, 1);
  for (let flat = 0; flat < size; flat++) {
    let offset = a.offset;
    let rest = flat;
    for (let axis = shape.length - 1; axis >= 0; axis--) {
      offset += (rest % shape[axis]) * a.stride[axis];
      rest = Math.floor(rest / shape[axis]);
    }
    inside.add(offset);
  }
  a.data.forEach((value, k) => {
    if (!inside.has(k) && value !== SENTINEL) {
      throw new Error(
        `Storage element ${k} outside the view changed to ${value}`,
      );
    }
  });
}

/** Options of {@linkcode replay}. */
export interface ReplayOptions {
  /** Lay parameters and gradients out as strided views with an offset. */
  strided?: boolean;
  /** Relative tolerance (default 1e-12). */
  rtol?: number;
}

/**
 * Run `optimizer` on the fixture's parameters and gradients and compare the
 * parameters after every step with case `name`.
 */
export function replay(
  optimizer: Optimizer,
  name: string,
  options: ReplayOptions = {},
): void {
  const strided = options.strided ?? false;
  const expected = fixtures.cases[name];
  if (expected === undefined) throw new Error(`No fixture case ${name}`);
  const make = (nested: NestedNumbers): Float64NdArray =>
    strided ? stridedCopy(nested) : array(nested);
  const params = fixtures.initial.map((p) => new Parameter(make(p)));
  optimizer.setup(params);
  fixtures.grads.forEach((grads, step) => {
    params.forEach((p, i) => p.grad = make(grads[i]));
    optimizer.update();
    params.forEach((p, i) => {
      try {
        assertAllClose(p.data, expected[step][i], {
          rtol: options.rtol ?? 1e-12,
          atol: 1e-15,
        });
      } catch (error) {
        throw new Error(
          `Case ${name}, step ${step + 1}, parameter ${i}: ${
            (error as Error).message
          }`,
        );
      }
      if (strided) checkPadding(p.data);
    });
  });
}

/** Our parameters after all the fixture's steps, flattened. */
export function finalParams(optimizer: Optimizer): number[] {
  const params = fixtures.initial.map((p) => new Parameter(array(p)));
  optimizer.setup(params);
  for (const grads of fixtures.grads) {
    params.forEach((p, i) => p.grad = array(grads[i]));
    optimizer.update();
  }
  return params.flatMap((p) => [toNested(p.data)].flat(2) as number[]);
}

/** The final parameters of fixture case `name`, flattened. */
export function expectedFinal(name: string): number[] {
  const steps = fixtures.cases[name];
  return steps[steps.length - 1].flat(2) as number[];
}
