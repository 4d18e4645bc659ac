// Checks of shape arguments (zeros, full, array's shape option, reshape,
// broadcastTo, sumTo), so that a wrong shape fails at the call with a
// message naming the function instead of deep inside a kernel.

import { describe } from "./_describe.ts";
import { type Float64NdArray, formatShape, zerosOf } from "./_ndarray.ts";

/**
 * The most elements a new array may have: 2³¹ − 1, 16 GiB of float64. Larger
 * requests are refused with a RangeError before any memory is asked for.
 */
export const MAX_ELEMENTS: number = 2 ** 31 - 1;

/** What a shape argument may hold beyond non-negative integer lengths. */
export interface ShapeRules {
  /** One length may be -1, inferred from the others (reshape). */
  inferred?: boolean;
  /**
   * The shape describes a view of existing data (broadcastTo), not new
   * storage: its size may pass {@linkcode MAX_ELEMENTS}, up to 2⁵³ − 1.
   */
  view?: boolean;
}

/**
 * A copy of `shape` if it is an array of non-negative integer lengths whose
 * product is at most {@linkcode MAX_ELEMENTS} (2⁵³ − 1 for a view); else a
 * TypeError (not an array, a length that is not a non-negative integer) or a
 * RangeError (too many elements) naming `caller`.
 *
 * @param caller The public function, as named in messages (`"zeros()"`).
 * @param shape The argument to check.
 * @param rules Whether one -1 is allowed, and whether the shape is a view.
 * @returns The shape as a new array.
 */
export function checkShape(
  caller: string,
  shape: unknown,
  rules: ShapeRules = {},
): number[] {
  const lengths = rules.inferred
    ? "non-negative integers or one -1"
    : "non-negative integers";
  if (!Array.isArray(shape)) {
    throw new TypeError(
      `Cannot use ${
        describe(shape)
      } as a shape: ${caller} expects an array of ${lengths}`,
    );
  }
  const limit = rules.view ? Number.MAX_SAFE_INTEGER : MAX_ELEMENTS;
  let size = 1;
  let inferred = false;
  for (let axis = 0; axis < shape.length; axis++) {
    const length: unknown = shape[axis];
    if (length === -1 && rules.inferred && !inferred) {
      inferred = true;
      continue;
    }
    if (
      typeof length !== "number" || !Number.isInteger(length) || length < 0
    ) {
      const given = typeof length === "number"
        ? String(length)
        : describe(length);
      throw new TypeError(
        `Cannot use ${formatList(shape)} as a shape: ${caller} expects ${
          length === -1 && rules.inferred ? "at most one -1" : lengths
        }, got ${given} at axis ${axis}`,
      );
    }
    if (length > limit) {
      throw tooLarge(caller, shape, length, limit);
    }
    size *= length;
  }
  if (size > limit) throw tooLarge(caller, shape, size, limit);
  return [...shape];
}

function tooLarge(
  caller: string,
  shape: readonly unknown[],
  size: number,
  limit: number,
): RangeError {
  const what = limit === MAX_ELEMENTS
    ? `at most ${limit} elements (16 GiB)`
    : `at most ${limit} elements (2^53 - 1)`;
  return new RangeError(
    `Cannot use shape ${formatList(shape)} of ${
      size > 1e21 ? size.toExponential(3) : size
    } elements: ${caller} allows ${what}`,
  );
}

// The shape as written, with values that are not numbers described.
function formatList(shape: readonly unknown[]): string {
  if (shape.length > 32) return `an array of length ${shape.length}`;
  return `[${
    shape.map((n) => typeof n === "number" ? n : describe(n)).join(",")
  }]`;
}

/**
 * A new zero-filled array of a checked shape, or a RangeError naming
 * `caller` when the engine cannot allocate it.
 *
 * @param caller The public function, as named in messages.
 * @param shape A shape that passed {@linkcode checkShape}.
 * @returns A new contiguous array.
 */
export function allocate(
  caller: string,
  shape: readonly number[],
): Float64NdArray {
  try {
    return zerosOf(shape);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const size = shape.reduce((a, b) => a * b, 1);
    throw new RangeError(
      `Cannot allocate shape ${formatShape(shape)}: ${caller} could not get ${
        (size * 8 / 2 ** 30).toFixed(1)
      } GiB for ${size} elements (${error.message})`,
    );
  }
}
