/**
 * A range along one axis, as Python's `start:stop:step`; see {@linkcode slice}.
 *
 * @example
 * ```ts
 * import { array, getItem, slice, type Slice } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const reversed: Slice = slice(null, null, -1);
 * assert.equal(reversed.step, -1);
 * const y = getItem(array([1, 2, 3]), reversed);
 * assert.equal(y.data.get(0), 3);
 * ```
 */
export interface Slice {
  /** The first position (default: the start, or the end for a negative step). */
  readonly start: number | null;
  /** The position where the range stops, not included (default: the far end). */
  readonly stop: number | null;
  /** The distance between positions, not 0 (default `1`). */
  readonly step: number | null;
}

/**
 * A slice for {@linkcode getItem}, as Python's `start:stop:step`: `slice(1,
 * 3)` is `1:3`, `slice(null, null, -1)` is `::-1`, `slice()` is `:`.
 * Negative positions count from the end, and positions past either end are
 * clipped, as in NumPy.
 *
 * @param start The first position (`null` or omitted: the beginning, or the
 * end for a negative step).
 * @param stop The position to stop before (`null` or omitted: past the far end).
 * @param step The step, not 0 (default `1`).
 * @returns A frozen {@linkcode Slice}.
 *
 * @example
 * ```ts
 * import { array, getItem, slice, toNested, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([0, 1, 2, 3, 4, 5]));
 * assert.deepEqual(toNested(getItem(x, slice(1, -1, 2)).data), [1, 3]);
 * assert.deepEqual(toNested(getItem(x, slice(null, null, -2)).data), [5, 3, 1]);
 * ```
 */
export function slice(
  start: number | null = null,
  stop: number | null = null,
  step: number | null = null,
): Slice {
  for (
    const [name, value] of [["start", start], ["stop", stop], ["step", step]]
  ) {
    if (value !== null && !Number.isInteger(value)) {
      throw new TypeError(
        `Cannot make a slice with ${name} ${
          String(value)
        }: slice expects an integer or null`,
      );
    }
  }
  if (step === 0) {
    throw new RangeError(
      "Cannot make a slice with step 0: slice expects a nonzero step",
    );
  }
  return Object.freeze({ start, stop, step });
}
