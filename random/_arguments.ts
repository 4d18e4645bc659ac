// Checks of the arguments every sampler shares: sizes, seeds and finite
// numbers. Each throws an error naming the caller, before any state changes.

import { describe } from "../core/_describe.ts";
import { formatShape } from "../core/_ndarray.ts";

/**
 * A seed: an integer in [0, 2**32 - 1] or a non-empty array of them.
 *
 * @example
 * ```ts
 * import { rand, type Seed, seed } from "@dezero/core/random";
 * import assert from "node:assert/strict";
 *
 * const s: Seed = [1, 2, 3];
 * seed(s);
 * const a = rand();
 * seed(s);
 * assert.equal(rand(), a);
 * ```
 */
export type Seed = number | readonly number[] | Uint32Array;

/**
 * The shape of a sample: a length, or a shape (`[]` for 0-d).
 *
 * @example
 * ```ts
 * import { normal, type Size } from "@dezero/core/random";
 * import assert from "node:assert/strict";
 *
 * const size: Size = [2, 3];
 * assert.deepEqual([...normal(0, 1, size).shape], [2, 3]);
 * assert.deepEqual([...normal(0, 1, 4).shape], [4]);
 * ```
 */
export type Size = number | readonly number[];

const UINT32_MAX = 0xffffffff;

/** The shape asked for by `size`, checked. */
export function shapeOfSize(caller: string, size: unknown): number[] {
  if (typeof size === "number") return checkDimensions(caller, [size]);
  if (Array.isArray(size)) return checkDimensions(caller, size);
  throw new TypeError(
    `Cannot use ${
      describe(size)
    } as a size: ${caller}() expects a non-negative integer or an array of them`,
  );
}

/** The dimensions of `rand(d0, d1, ...)`-style arguments, checked. */
export function checkDimensions(
  caller: string,
  dimensions: readonly unknown[],
): number[] {
  for (const n of dimensions) {
    if (typeof n !== "number" || !Number.isInteger(n)) {
      throw new TypeError(
        `Cannot use ${
          describe(n)
        } as a dimension: ${caller}() expects integers`,
      );
    }
    if (n < 0) {
      throw new RangeError(
        `Cannot draw a sample of shape ${
          formatShape(dimensions as number[])
        } in ${caller}(): dimension ${n} is negative`,
      );
    }
  }
  return [...dimensions] as number[];
}

/** A finite number, or a TypeError naming the argument. */
export function checkFinite(
  caller: string,
  name: string,
  value: unknown,
): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TypeError(
      `Cannot use ${
        describe(value)
      } as ${name}: ${caller}() expects a finite number`,
    );
  }
  return value;
}

/**
 * The 32-bit words of an array seed, or the integer seed itself. NumPy's
 * `_legacy_seeding`: an integer goes through `init_genrand`, any array
 * (even of one element) through `init_by_array`.
 */
export function checkSeed(caller: string, seed: unknown): number | Uint32Array {
  if (typeof seed === "number") {
    if (!Number.isInteger(seed)) {
      throw new TypeError(
        `Cannot seed with ${
          describe(seed)
        } in ${caller}(): expected an integer in [0, 2**32-1] or an array of them`,
      );
    }
    if (seed < 0 || seed > UINT32_MAX) {
      throw new RangeError(
        `Cannot seed with ${seed} in ${caller}(): seed must be between 0 and 2**32-1`,
      );
    }
    return seed;
  }
  if (seed instanceof Uint32Array || Array.isArray(seed)) {
    if (seed.length === 0) {
      throw new RangeError(
        `Cannot seed with an empty array in ${caller}(): seed must be non-empty`,
      );
    }
    const words = new Uint32Array(seed.length);
    for (let i = 0; i < seed.length; i++) {
      const word: unknown = seed[i];
      if (typeof word !== "number" || !Number.isInteger(word)) {
        throw new TypeError(
          `Cannot seed with ${describe(word)} at index ${i} in ${caller}(): ${
            Array.isArray(word) ? "seed array must be 1-d" : "expected integers"
          }`,
        );
      }
      if (word < 0 || word > UINT32_MAX) {
        throw new RangeError(
          `Cannot seed with ${word} at index ${i} in ${caller}(): seed must be between 0 and 2**32-1`,
        );
      }
      words[i] = word;
    }
    return words;
  }
  throw new TypeError(
    `Cannot seed with ${
      describe(seed)
    } in ${caller}(): expected an integer in [0, 2**32-1] or an array of them`,
  );
}
