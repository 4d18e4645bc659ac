import { describe } from "../core/_describe.ts";
import {
  copyOf,
  type Float64NdArray,
  isFloat64NdArray,
  view,
} from "../core/_ndarray.ts";
import { applyTransform, isTransform } from "../transforms/_apply.ts";
import type { Transform } from "../transforms/transform.ts";

/**
 * Options of {@linkcode Dataset} and its subclasses.
 *
 * @example
 * ```ts
 * import { Normalize } from "@dezero/core/transforms";
 * import { Spiral } from "@dezero/core/datasets";
 * import assert from "node:assert/strict";
 *
 * const plain = new Spiral({ train: true });
 * // Subtract 1 from every input, through the transform.
 * const shifted = new Spiral({ train: true, transform: new Normalize(1, 1) });
 * const [x] = plain.get(0);
 * const [xs] = shifted.get(0);
 * assert.ok(typeof x !== "number" && typeof xs !== "number");
 * assert.equal(xs.get(0), x.get(0) - 1);
 * ```
 */
export interface DatasetOptions {
  /** The training split (default) or the test split. */
  train?: boolean;
  /** Applied to each example's input by `get`. */
  transform?: Transform | null;
  /** Applied to each example's label by `get`. */
  targetTransform?: Transform | null;
}

/**
 * A dataset as DeZero's: `data` and `label` arrays whose first axis runs over
 * the examples, `get(index)` returning `[x, t]` with the transforms applied,
 * `length`, and iteration over the examples. Subclasses fill `data` and
 * `label` in `prepare()`, which the constructor calls (declare no fields of
 * your own with initializers there: they would run after `prepare()`), or
 * override `get` and `length` to load examples lazily.
 *
 * @example A dataset of three examples
 * ```ts
 * import { array, toNested } from "@dezero/core";
 * import { Dataset } from "@dezero/core/datasets";
 * import assert from "node:assert/strict";
 *
 * class Squares extends Dataset {
 *   protected override prepare(): void {
 *     this.data = array([[1], [2], [3]]);
 *     this.label = array([1, 4, 9]);
 *   }
 * }
 * const squares = new Squares({ transform: (x) => x });
 * assert.equal(squares.length, 3);
 * const [x, t] = squares.get(2);
 * assert.deepEqual(toNested(x), [3]);
 * assert.equal(t?.get(), 9);
 * ```
 */
export class Dataset {
  /** Whether this is the training split. */
  readonly train: boolean;
  /** Applied to each input by `get`; `null` for none. */
  transform: Transform | null;
  /** Applied to each label by `get`; `null` for none. */
  targetTransform: Transform | null;
  /** The inputs, examples along the first axis; set by `prepare()`. */
  data: Float64NdArray | null = null;
  /** The labels, examples along the first axis, or `null` for none. */
  label: Float64NdArray | null = null;

  /**
   * Make the dataset and call `prepare()`.
   *
   * @param options The split and the transforms.
   */
  constructor(options: DatasetOptions = {}) {
    const name = new.target.name;
    if (typeof options !== "object" || options === null) {
      throw new TypeError(
        `Cannot use ${
          describe(options)
        } as options of ${name}: expected an object`,
      );
    }
    const { train = true, transform = null, targetTransform = null } = options;
    if (typeof train !== "boolean") {
      throw new TypeError(
        `Cannot use ${describe(train)} as train in ${name}: expected a boolean`,
      );
    }
    for (
      const [key, value] of [["transform", transform], [
        "targetTransform",
        targetTransform,
      ]] as const
    ) {
      if (value !== null && !isTransform(value)) {
        throw new TypeError(
          `Cannot use ${
            describe(value)
          } as ${key} in ${name}: expected a function or an object with a call method`,
        );
      }
    }
    this.train = train;
    this.transform = transform;
    this.targetTransform = targetTransform;
    this.prepare();
  }

  /** Fill `data` and `label`; the base class leaves them empty. */
  protected prepare(): void {}

  /** The number of examples (the length of `data`'s first axis). */
  get length(): number {
    const data = this.data;
    return data === null || data.shape.length === 0 ? 0 : data.shape[0];
  }

  /**
   * The example at `index` with the transforms applied, as DeZero's
   * `dataset[index]`. Negative indices count from the end.
   *
   * @param index An integer in [-length, length).
   * @returns `[x, t]`: copies of `data[index]` and `label[index]` (0-d for a
   * 1-d array), `t` is `null` when there are no labels.
   */
  get(index: number): [Float64NdArray, Float64NdArray | null] {
    const name = this.constructor.name;
    const data = this.data;
    if (!isFloat64NdArray(data) || data.shape.length === 0) {
      throw new TypeError(
        `Cannot read an example of ${name}: data is ${
          describe(data)
        }, expected a float64 ndarray of at least 1 dimension`,
      );
    }
    const length = data.shape[0];
    if (typeof index !== "number" || !Number.isInteger(index)) {
      throw new TypeError(
        `Cannot use ${
          describe(index)
        } as an index of ${name}: expected an integer`,
      );
    }
    if (index < -length || index >= length) {
      throw new RangeError(
        `Cannot read example ${index} of ${name}: expected an index in [-${length}, ${length})`,
      );
    }
    const i = index < 0 ? index + length : index;
    let x = row(data, i);
    if (this.transform !== null) x = applyTransform(name, this.transform, x);
    const label = this.label;
    if (label === null) return [x, null];
    if (
      !isFloat64NdArray(label) || label.shape.length === 0 ||
      label.shape[0] !== length
    ) {
      throw new TypeError(
        `Cannot read the label of example ${index} of ${name}: label is ${
          describe(label)
        }, expected ${length} labels along the first axis`,
      );
    }
    let t = row(label, i);
    if (this.targetTransform !== null) {
      t = applyTransform(name, this.targetTransform, t);
    }
    return [x, t];
  }

  /**
   * The examples in order, each as `get` returns it.
   *
   * @returns An iterator over `[x, t]`.
   */
  *[Symbol.iterator](): IterableIterator<
    [Float64NdArray, Float64NdArray | null]
  > {
    const length = this.length;
    for (let i = 0; i < length; i++) yield this.get(i);
  }
}

/** A copy of `a[i]`, the array without its first axis. */
function row(a: Float64NdArray, i: number): Float64NdArray {
  return copyOf(
    view(
      a.data,
      a.shape.slice(1),
      a.stride.slice(1),
      a.offset + i * a.stride[0],
    ),
  );
}
