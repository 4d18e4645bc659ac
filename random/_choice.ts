// NumPy's legacy `RandomState.choice`, step for step, so that the same calls
// consume the same random numbers: `randint` for uniform draws with
// replacement, the inverse CDF for weighted draws, a permutation's head
// without replacement, and rounds of weighted draws that zero out what was
// already taken.

import { describe } from "../core/_describe.ts";
import {
  type Float64NdArray,
  isFloat64NdArray,
  sizeOf,
  toFlat,
  zerosOf,
} from "../core/_ndarray.ts";
import { shapeOfSize, type Size } from "./_arguments.ts";
import type { RandomState } from "./random_state.ts";

/**
 * Options of {@linkcode RandomState.choice}.
 *
 * @example
 * ```ts
 * import { choice } from "@dezero/core/random";
 * import assert from "node:assert/strict";
 *
 * // All the probability on element 2; without replacement no repeats.
 * assert.equal(choice(3, undefined, { p: [0, 0, 1] }), 2);
 * const drawn = choice(5, 5, { replace: false });
 * assert.deepEqual([...drawn.data].sort(), [0, 1, 2, 3, 4]);
 * ```
 */
export interface ChoiceOptions {
  /** Whether an element may be drawn more than once (default true). */
  replace?: boolean;
  /** The probability of each element; non-negative, summing to 1. */
  p?: Float64NdArray | readonly number[];
}

/** The sample of `RandomState.choice`. */
export function choiceIndices(
  random: RandomState,
  a: number | Float64NdArray | readonly number[],
  size: Size | undefined,
  options: ChoiceOptions,
): number | Float64NdArray {
  let population: Float64Array | undefined;
  let count: number;
  if (typeof a === "number") {
    if (!Number.isInteger(a) || a < 0) {
      throw new RangeError(
        `Cannot choose from ${a} in choice(): expected a non-negative integer or a 1-d array`,
      );
    }
    count = a;
  } else if (
    (isFloat64NdArray(a) && a.shape.length === 1) ||
    (Array.isArray(a) && a.every((v) => typeof v === "number"))
  ) {
    population = isFloat64NdArray(a) ? toFlat(a) : Float64Array.from(a);
    count = population.length;
  } else {
    throw new TypeError(
      `Cannot choose from ${
        describe(a)
      } in choice(): expected a non-negative integer or a 1-d array of numbers`,
    );
  }
  const shape = size === undefined ? undefined : shapeOfSize("choice", size);
  const total = shape === undefined ? 1 : sizeOf(shape);
  const replace = options.replace ?? true;
  if (typeof replace !== "boolean") {
    throw new TypeError(
      `Cannot use ${
        describe(replace)
      } as replace in choice(): expected a boolean`,
    );
  }
  if (count === 0 && total > 0) {
    throw new RangeError(
      `Cannot choose from an empty population in choice(): a must not be empty unless no samples are taken`,
    );
  }
  const p = options.p === undefined
    ? undefined
    : checkProbabilities(options.p, count);
  if (!replace && total > count) {
    throw new RangeError(
      `Cannot take ${total} samples from ${count} without replacement in choice(): expected at most ${count}`,
    );
  }

  let indices: Float64Array;
  if (replace && p === undefined) {
    const drawn = random.randint(0, Math.max(count, 1), [total]);
    indices = toFlat(drawn);
  } else if (replace && p !== undefined) {
    const cdf = cumulative(p);
    indices = new Float64Array(total);
    const uniform = toFlat(random.randomSample([total]));
    for (let k = 0; k < total; k++) indices[k] = searchRight(cdf, uniform[k]);
  } else if (p === undefined) {
    indices = toFlat(random.permutation(count)).slice(0, total);
  } else {
    indices = weightedWithoutReplacement(random, p, total);
  }

  const out = zerosOf(shape ?? [total]);
  for (let k = 0; k < total; k++) {
    out.data[out.offset + k] = population === undefined
      ? indices[k]
      : population[indices[k]];
  }
  return shape === undefined ? out.data[out.offset] : out;
}

/** The probabilities, checked as NumPy does (sum within sqrt(eps) of 1). */
function checkProbabilities(
  p: Float64NdArray | readonly number[],
  count: number,
): Float64Array {
  let values: Float64Array;
  if (isFloat64NdArray(p) && p.shape.length === 1) values = toFlat(p);
  else if (Array.isArray(p) && p.every((v) => typeof v === "number")) {
    values = Float64Array.from(p);
  } else {
    throw new TypeError(
      `Cannot use ${
        describe(p)
      } as p in choice(): expected a 1-d array of numbers`,
    );
  }
  if (values.length !== count) {
    throw new TypeError(
      `Cannot use ${values.length} probabilities for ${count} elements in choice(): a and p must have the same size`,
    );
  }
  // Kahan summation, as NumPy's check.
  let sum = 0;
  let compensation = 0;
  for (const value of values) {
    if (Number.isNaN(value)) {
      throw new RangeError(`Cannot use probabilities with NaN in choice()`);
    }
    if (value < 0) {
      throw new RangeError(
        `Cannot use probability ${value} in choice(): probabilities must be non-negative`,
      );
    }
    const y = value - compensation;
    const t = sum + y;
    compensation = (t - sum) - y;
    sum = t;
  }
  if (Math.abs(sum - 1) > Math.sqrt(Number.EPSILON)) {
    throw new RangeError(
      `Cannot use probabilities summing to ${sum} in choice(): expected a sum of 1`,
    );
  }
  return values;
}

/** `cumsum(p) / cumsum(p)[-1]`, summed left to right as NumPy's `cumsum`. */
function cumulative(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let sum = 0;
  for (let i = 0; i < p.length; i++) cdf[i] = sum += p[i];
  const last = cdf[cdf.length - 1];
  for (let i = 0; i < cdf.length; i++) cdf[i] /= last;
  return cdf;
}

/** The first index whose value is above `value` (`searchsorted`, side right). */
function searchRight(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Weighted draws without replacement: NumPy draws `total - found` uniforms
 * per round, zeroes the probabilities of what it found so far, and keeps the
 * first occurrence of each new index.
 */
function weightedWithoutReplacement(
  random: RandomState,
  probabilities: Float64Array,
  total: number,
): Float64Array {
  let positive = 0;
  for (const value of probabilities) if (value > 0) positive++;
  if (positive < total) {
    throw new RangeError(
      `Cannot take ${total} samples from ${positive} non-zero probabilities in choice() without replacement`,
    );
  }
  const p = probabilities.slice();
  const found = new Float64Array(total);
  let count = 0;
  while (count < total) {
    const uniform = toFlat(random.rand(total - count));
    for (let k = 0; k < count; k++) p[found[k]] = 0;
    const cdf = cumulative(p);
    const seen = new Set<number>();
    for (const u of uniform) {
      const index = searchRight(cdf, u);
      if (!seen.has(index)) {
        seen.add(index);
        found[count++] = index;
      }
    }
  }
  return found;
}
