import { describe } from "../core/_describe.ts";
import {
  copyOf,
  type Float64NdArray,
  isFloat64NdArray,
  sizeOf,
  zerosOf,
} from "../core/_ndarray.ts";
import { array, type NestedNumbers } from "../core/array.ts";
import {
  checkDimensions,
  checkFinite,
  checkSeed,
  type Seed,
  shapeOfSize,
  type Size,
} from "./_arguments.ts";
import { LegacyGenerator } from "./_legacy.ts";
import { choiceIndices, type ChoiceOptions } from "./_choice.ts";

export type { Seed, Size } from "./_arguments.ts";
export type { ChoiceOptions } from "./_choice.ts";

/**
 * The full state of a {@linkcode RandomState}, as NumPy's `get_state()`.
 *
 * @example Replay a stream
 * ```ts
 * import { RandomState, type RandomStateState } from "@dezero/core/random";
 * import assert from "node:assert/strict";
 *
 * const random = new RandomState(0);
 * const state: RandomStateState = random.getState();
 * const first = random.rand();
 * random.setState(state);
 * assert.equal(random.rand(), first);
 * assert.equal(state.key.length, 624);
 * ```
 */
export interface RandomStateState {
  /** MT19937's 624 words. */
  key: Uint32Array;
  /** Read position in `key`, 0 to 624. */
  pos: number;
  /** Whether a second Gauss value is cached. */
  hasGauss: boolean;
  /** The cached Gauss value (0 when none). */
  gauss: number;
}

const SAFE_LIMIT = 2 ** 53;

/**
 * A seeded random generator whose streams equal NumPy's legacy
 * `np.random.RandomState` bit for bit: MT19937 seeded the same way, 53-bit
 * doubles, the polar Gauss with its cached second value, masked rejection for
 * integers and NumPy's shuffle. Integer results are float64 arrays.
 *
 * @example The same numbers as `np.random.RandomState(0).rand(3)`
 * ```ts
 * import { RandomState } from "@dezero/core/random";
 * import assert from "node:assert/strict";
 *
 * const random = new RandomState(0);
 * const x = random.rand(3);
 * assert.equal(x.get(0), 0.5488135039273248);
 * assert.equal(x.get(2), 0.6027633760716439);
 * assert.equal(random.randint(0, 10), 3);
 * ```
 */
export class RandomState {
  #generator = new LegacyGenerator();

  /**
   * Make a generator; without a seed it starts from fresh entropy.
   *
   * @param seed An integer in [0, 2**32-1] or a non-empty array of them.
   */
  constructor(seed?: Seed) {
    this.#seed("RandomState", seed);
  }

  /**
   * Reseed as NumPy's legacy `seed()`: an integer through `init_genrand`, an
   * array (even of one element) through `init_by_array`; no seed means fresh
   * entropy. Clears the cached Gauss value.
   *
   * @param seed An integer in [0, 2**32-1] or a non-empty array of them.
   *
   * @example
   * ```ts
   * import { RandomState } from "@dezero/core/random";
   * import assert from "node:assert/strict";
   *
   * const random = new RandomState();
   * random.seed(42);
   * assert.equal(random.rand(), 0.3745401188473625);
   * ```
   */
  seed(seed?: Seed): void {
    this.#seed("seed", seed);
  }

  /** Seed for `seed()` and the constructor; `caller` names them in errors. */
  #seed(caller: string, seed: Seed | undefined): void {
    const mt = this.#generator.mt;
    if (seed === undefined) {
      crypto.getRandomValues(mt.key);
      mt.key[0] = 0x80000000;
      mt.pos = mt.key.length;
    } else {
      const checked = checkSeed(caller, seed);
      if (typeof checked === "number") mt.seed(checked);
      else mt.seedByArray(checked);
    }
    this.#generator.resetCache();
  }

  /**
   * Uniform doubles in [0, 1) of the given shape, as `np.random.rand`.
   *
   * @param shape The dimensions; none for a single number.
   * @returns A number, or a float64 array of the given shape.
   *
   * @example
   * ```ts
   * import { RandomState } from "@dezero/core/random";
   * import assert from "node:assert/strict";
   *
   * const x = new RandomState(0).rand(2, 3);
   * assert.deepEqual(x.shape, [2, 3]);
   * assert.equal(x.get(1, 2), 0.6458941130666561);
   * ```
   */
  rand(): number;
  /**
   * Uniform doubles in [0, 1) of the given shape.
   *
   * @param shape The dimensions.
   * @returns A float64 array of the given shape.
   */
  rand(...shape: number[]): Float64NdArray;
  rand(...shape: number[]): number | Float64NdArray {
    if (shape.length === 0) return this.#generator.double();
    return this.#fillWith(checkDimensions("rand", shape), "fillDoubles");
  }

  /**
   * Uniform doubles in [0, 1), as `np.random.random_sample(size)`.
   *
   * @param size A length or a shape; omitted for a single number.
   * @returns A number, or a float64 array of shape `size`.
   *
   * @example
   * ```ts
   * import { RandomState } from "@dezero/core/random";
   * import assert from "node:assert/strict";
   *
   * assert.equal(new RandomState(0).randomSample([2]).get(1), 0.7151893663724195);
   * ```
   */
  randomSample(): number;
  /**
   * Uniform doubles in [0, 1) of shape `size`.
   *
   * @param size A length or a shape.
   * @returns A float64 array of shape `size`.
   */
  randomSample(size: Size): Float64NdArray;
  randomSample(size?: Size): number | Float64NdArray {
    if (size === undefined) return this.#generator.double();
    return this.#fillWith(shapeOfSize("randomSample", size), "fillDoubles");
  }

  /**
   * Standard normal values of the given shape, as `np.random.randn`.
   *
   * @param shape The dimensions; none for a single number.
   * @returns A number, or a float64 array of the given shape.
   *
   * @example
   * ```ts
   * import { RandomState } from "@dezero/core/random";
   * import assert from "node:assert/strict";
   *
   * const x = new RandomState(0).randn(3);
   * assert.equal(x.get(0), 1.764052345967664);
   * ```
   */
  randn(): number;
  /**
   * Standard normal values of the given shape.
   *
   * @param shape The dimensions.
   * @returns A float64 array of the given shape.
   */
  randn(...shape: number[]): Float64NdArray;
  randn(...shape: number[]): number | Float64NdArray {
    if (shape.length === 0) return this.#generator.standardNormal();
    return this.#fillWith(checkDimensions("randn", shape), "fillNormals");
  }

  /**
   * Standard normal values, as `np.random.standard_normal(size)`.
   *
   * @param size A length or a shape; omitted for a single number.
   * @returns A number, or a float64 array of shape `size`.
   *
   * @example
   * ```ts
   * import { RandomState } from "@dezero/core/random";
   * import assert from "node:assert/strict";
   *
   * assert.equal(new RandomState(0).standardNormal(), 1.764052345967664);
   * ```
   */
  standardNormal(): number;
  /**
   * Standard normal values of shape `size`.
   *
   * @param size A length or a shape.
   * @returns A float64 array of shape `size`.
   */
  standardNormal(size: Size): Float64NdArray;
  standardNormal(size?: Size): number | Float64NdArray {
    if (size === undefined) return this.#generator.standardNormal();
    return this.#fillWith(shapeOfSize("standardNormal", size), "fillNormals");
  }

  /**
   * Uniform doubles in [low, high), as `np.random.uniform`:
   * `low + (high - low) * u`.
   *
   * @param low The lower bound (default 0).
   * @param high The upper bound (default 1).
   * @param size A length or a shape; omitted for a single number.
   * @returns A number, or a float64 array of shape `size`.
   *
   * @example
   * ```ts
   * import { RandomState } from "@dezero/core/random";
   * import assert from "node:assert/strict";
   *
   * const x = new RandomState(0).uniform(-1, 1, [2, 2]);
   * assert.equal(x.get(0, 0), 2 * 0.5488135039273248 - 1);
   * ```
   */
  uniform(low?: number, high?: number): number;
  /**
   * Uniform doubles in [low, high) of shape `size`.
   *
   * @param low The lower bound (default 0).
   * @param high The upper bound (default 1).
   * @param size A length or a shape.
   * @returns A float64 array of shape `size`.
   */
  uniform(
    low: number | undefined,
    high: number | undefined,
    size: Size,
  ): Float64NdArray;
  uniform(low = 0, high = 1, size?: Size): number | Float64NdArray {
    checkFinite("uniform", "low", low);
    checkFinite("uniform", "high", high);
    const range = high - low;
    if (!Number.isFinite(range)) {
      throw new RangeError(
        `Cannot draw from [${low}, ${high}) in uniform(): the range exceeds valid bounds`,
      );
    }
    const draw = (): number => low + range * this.#generator.double();
    if (size === undefined) return draw();
    return this.#fill(shapeOfSize("uniform", size), draw);
  }

  /**
   * Normal values with mean `loc` and standard deviation `scale`, as
   * `np.random.normal`: `loc + scale * z`.
   *
   * @param loc The mean (default 0).
   * @param scale The standard deviation, at least 0 (default 1).
   * @param size A length or a shape; omitted for a single number.
   * @returns A number, or a float64 array of shape `size`.
   *
   * @example
   * ```ts
   * import { RandomState } from "@dezero/core/random";
   * import assert from "node:assert/strict";
   *
   * assert.equal(new RandomState(0).normal(1, 2), 1 + 2 * 1.764052345967664);
   * ```
   */
  normal(loc?: number, scale?: number): number;
  /**
   * Normal values of shape `size`.
   *
   * @param loc The mean (default 0).
   * @param scale The standard deviation (default 1).
   * @param size A length or a shape.
   * @returns A float64 array of shape `size`.
   */
  normal(
    loc: number | undefined,
    scale: number | undefined,
    size: Size,
  ): Float64NdArray;
  normal(loc = 0, scale = 1, size?: Size): number | Float64NdArray {
    checkFinite("normal", "loc", loc);
    checkFinite("normal", "scale", scale);
    if (scale < 0) {
      throw new RangeError(
        `Cannot draw with scale ${scale} in normal(): scale must be at least 0`,
      );
    }
    const draw = (): number => loc + scale * this.#generator.standardNormal();
    if (size === undefined) return draw();
    return this.#fill(shapeOfSize("normal", size), draw);
  }

  /**
   * Integers in [low, high), as NumPy's legacy `randint` (masked rejection,
   * one 32-bit word per try for ranges below 2**32). With one bound the range
   * is [0, low). Bounds must be integers within ±2**53 so every result is
   * exact in float64.
   *
   * @param low The lowest value, or the upper bound if `high` is omitted.
   * @param high One above the highest value.
   * @param size A length or a shape; omitted for a single number.
   * @returns A number, or a float64 array of shape `size` holding integers.
   *
   * @example
   * ```ts
   * import { RandomState } from "@dezero/core/random";
   * import { toNested } from "@dezero/core";
   * import assert from "node:assert/strict";
   *
   * const dice = new RandomState(0).randint(1, 7, 5);
   * assert.deepEqual(toNested(dice), [5, 6, 1, 4, 4]);
   * ```
   */
  randint(low: number, high?: number): number;
  /**
   * Integers in [low, high) of shape `size`.
   *
   * @param low The lowest value, or the upper bound if `high` is undefined.
   * @param high One above the highest value.
   * @param size A length or a shape.
   * @returns A float64 array of shape `size` holding integers.
   */
  randint(low: number, high: number | undefined, size: Size): Float64NdArray;
  randint(low: number, high?: number, size?: Size): number | Float64NdArray {
    for (const [name, value] of [["low", low], ["high", high]] as const) {
      if (value === undefined && name === "high") continue;
      if (typeof value !== "number" || !Number.isInteger(value)) {
        throw new TypeError(
          `Cannot use ${
            describe(value)
          } as ${name} in randint(): expected an integer within ±2**53`,
        );
      }
      if (Math.abs(value) > SAFE_LIMIT) {
        throw new RangeError(
          `Cannot use ${value} as ${name} in randint(): expected an integer within ±2**53, so that results are exact in float64`,
        );
      }
    }
    if (high === undefined) {
      if (low <= 0) {
        throw new RangeError(
          `Cannot draw from [0, ${low}) in randint(): high must be above 0`,
        );
      }
      high = low;
      low = 0;
    }
    if (low >= high) {
      throw new RangeError(
        `Cannot draw from [${low}, ${high}) in randint(): low must be below high`,
      );
    }
    const range = BigInt(high) - BigInt(low) - 1n;
    const shape = size === undefined ? [] : shapeOfSize("randint", size);
    const out = zerosOf(shape);
    this.#generator.boundedIntegers(
      low,
      range,
      out.data,
      out.offset,
      sizeOf(shape),
    );
    return size === undefined ? out.data[out.offset] : out;
  }

  /**
   * A shuffled copy, as NumPy's legacy `permutation`: of `[0, 1, ..., n-1]`
   * for a number, or of an array along its first axis.
   *
   * @param x A length, or an array (float64 ndarray or nested numbers) of at least one dimension.
   * @returns A new float64 array.
   *
   * @example
   * ```ts
   * import { RandomState } from "@dezero/core/random";
   * import { toNested } from "@dezero/core";
   * import assert from "node:assert/strict";
   *
   * assert.deepEqual(toNested(new RandomState(0).permutation(5)), [2, 0, 1, 3, 4]);
   * ```
   */
  permutation(
    x: number | Float64NdArray | readonly NestedNumbers[],
  ): Float64NdArray {
    let out: Float64NdArray;
    if (typeof x === "number") {
      if (!Number.isInteger(x) || x < 0) {
        throw new RangeError(
          `Cannot permute ${x} in permutation(): expected a non-negative integer or an array`,
        );
      }
      out = zerosOf([x]);
      for (let i = 0; i < x; i++) out.data[out.offset + i] = i;
    } else if (isFloat64NdArray(x)) {
      out = copyOf(x);
    } else if (Array.isArray(x)) {
      out = array(x);
    } else {
      throw new TypeError(
        `Cannot permute ${
          describe(x)
        } in permutation(): expected a non-negative integer or an array`,
      );
    }
    if (out.shape.length === 0) {
      throw new TypeError(
        `Cannot permute a 0-d array in permutation(): expected at least 1 dimension`,
      );
    }
    this.shuffle(out);
    return out;
  }

  /**
   * Shuffle in place along the first axis, as NumPy's legacy `shuffle`
   * (Fisher-Yates from the end, each index drawn by masked rejection).
   *
   * @param x A float64 ndarray of at least one dimension, or a JavaScript array.
   *
   * @example
   * ```ts
   * import { RandomState } from "@dezero/core/random";
   * import assert from "node:assert/strict";
   *
   * const items = ["a", "b", "c", "d", "e"];
   * new RandomState(0).shuffle(items);
   * assert.deepEqual(items, ["c", "a", "b", "d", "e"]);
   * ```
   */
  shuffle(x: Float64NdArray | unknown[]): void {
    if (Array.isArray(x)) {
      for (let i = x.length - 1; i > 0; i--) {
        const j = this.#generator.interval(i);
        const held = x[i];
        x[i] = x[j];
        x[j] = held;
      }
      return;
    }
    if (!isFloat64NdArray(x) || x.shape.length === 0) {
      throw new TypeError(
        `Cannot shuffle ${
          describe(x)
        } in shuffle(): expected a float64 ndarray of at least 1 dimension or an array`,
      );
    }
    const n = x.shape[0];
    // The rows are swapped element by element through their strides, so any
    // view works; rows of a 1-d array are single elements.
    const rowShape = x.shape.slice(1);
    const rowOffsets = rowElementOffsets(rowShape, x.stride.slice(1));
    const data = x.data;
    const step = x.stride[0];
    for (let i = n - 1; i > 0; i--) {
      const j = this.#generator.interval(i);
      if (i === j) continue;
      const a = x.offset + i * step;
      const b = x.offset + j * step;
      for (const offset of rowOffsets) {
        const held = data[a + offset];
        data[a + offset] = data[b + offset];
        data[b + offset] = held;
      }
    }
  }

  /**
   * A random sample from `a` (a length or a 1-d array), as NumPy's legacy
   * `choice`: with or without replacement, uniform or with probabilities `p`.
   *
   * @param a A population size, or a 1-d array to draw elements from.
   * @param size A length or a shape; omitted for a single number.
   * @param options `replace` (default true) and probabilities `p`.
   * @returns A number, or a float64 array of shape `size`.
   *
   * @example
   * ```ts
   * import { RandomState } from "@dezero/core/random";
   * import { toNested } from "@dezero/core";
   * import assert from "node:assert/strict";
   *
   * const picked = new RandomState(0).choice(5, 3, { replace: false });
   * assert.deepEqual(toNested(picked), [2, 0, 1]);
   * ```
   */
  choice(
    a: number | Float64NdArray | readonly number[],
    size?: undefined,
    options?: ChoiceOptions,
  ): number;
  /**
   * A random sample of shape `size` from `a`.
   *
   * @param a A population size, or a 1-d array to draw elements from.
   * @param size A length or a shape.
   * @param options `replace` (default true) and probabilities `p`.
   * @returns A float64 array of shape `size`.
   */
  choice(
    a: number | Float64NdArray | readonly number[],
    size: Size,
    options?: ChoiceOptions,
  ): Float64NdArray;
  choice(
    a: number | Float64NdArray | readonly number[],
    size?: Size,
    options: ChoiceOptions = {},
  ): number | Float64NdArray {
    return choiceIndices(this, a, size, options);
  }

  /**
   * A copy of the generator's state, as NumPy's `get_state()`.
   *
   * @returns The 624 words, the position and the cached Gauss value.
   *
   * @example Replay a stream
   * ```ts
   * import { RandomState } from "@dezero/core/random";
   * import assert from "node:assert/strict";
   *
   * const random = new RandomState(1);
   * const state = random.getState();
   * const first = random.randn();
   * random.setState(state);
   * assert.equal(random.randn(), first);
   * ```
   */
  getState(): RandomStateState {
    const generator = this.#generator;
    return {
      key: generator.mt.key.slice(),
      pos: generator.mt.pos,
      hasGauss: generator.hasGauss,
      gauss: generator.gauss,
    };
  }

  /**
   * Restore a state from {@linkcode RandomState.getState}, as NumPy's
   * `set_state()`.
   *
   * @param state The 624 words, the position and the cached Gauss value.
   *
   * @example
   * ```ts
   * import { RandomState } from "@dezero/core/random";
   * import assert from "node:assert/strict";
   *
   * const a = new RandomState(7);
   * const b = new RandomState(8);
   * b.setState(a.getState());
   * assert.equal(b.rand(), a.rand());
   * ```
   */
  setState(state: RandomStateState): void {
    const { key, pos, hasGauss, gauss } = (state ?? {}) as Partial<
      RandomStateState
    >;
    if (
      !(key instanceof Uint32Array) || key.length !== 624 ||
      typeof pos !== "number" || !Number.isInteger(pos) || pos < 0 ||
      pos > 624 || typeof hasGauss !== "boolean" || typeof gauss !== "number"
    ) {
      throw new TypeError(
        `Cannot restore ${
          describe(state)
        } in setState(): expected { key: Uint32Array of 624 words, pos: 0 to 624, hasGauss: boolean, gauss: number }`,
      );
    }
    const generator = this.#generator;
    generator.mt.key.set(key);
    generator.mt.pos = pos;
    generator.hasGauss = hasGauss;
    generator.gauss = hasGauss ? gauss : 0;
  }

  /** A new array of `shape` filled by one of the generator's fill loops. */
  #fillWith(
    shape: number[],
    loop: "fillDoubles" | "fillNormals",
  ): Float64NdArray {
    const out = zerosOf(shape);
    this.#generator[loop](out.data, out.offset, out.offset + sizeOf(shape));
    return out;
  }

  /** A new array of `shape` filled in row-major order by `draw`. */
  #fill(shape: number[], draw: () => number): Float64NdArray {
    const out = zerosOf(shape);
    const data = out.data;
    const end = out.offset + sizeOf(shape);
    for (let i = out.offset; i < end; i++) data[i] = draw();
    return out;
  }
}

/** Storage offsets of every element of a row, relative to the row start. */
function rowElementOffsets(
  shape: readonly number[],
  stride: readonly number[],
): number[] {
  let offsets = [0];
  for (let axis = 0; axis < shape.length; axis++) {
    const next: number[] = [];
    for (const base of offsets) {
      for (let i = 0; i < shape[axis]; i++) next.push(base + i * stride[axis]);
    }
    offsets = next;
  }
  return offsets;
}
