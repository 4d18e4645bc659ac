// The input rule of gradientCheck: what `inputs` means, and which of them are
// checked.

import { array, type NestedNumbers } from "../core/array.ts";
import { describe } from "../core/_describe.ts";
import {
  copyOf,
  type Float64NdArray,
  formatShape,
  isFloat64NdArray,
  scalarOf,
} from "../core/_ndarray.ts";
import { Variable } from "../core/variable.ts";

/**
 * The arguments of `f` that `inputs` stands for:
 *
 * - a Variable, a float64 ndarray or a number is the one input;
 * - an array of numbers only is one 1-d input (`[0.5, -1, 2]` means
 *   `array([0.5, -1, 2])`), and a TypeError when `f` declares several
 *   parameters, where it might have meant one number per argument;
 * - any other array has one entry per argument of `f`; an entry may be a
 *   Variable, an ndarray, a number (a 0-d input), nested arrays of numbers
 *   (converted with `array()`), or anything else (passed through unchecked);
 * - an array of equally long arrays of numbers (`[[1, 2], [3, 4]]`) is
 *   ambiguous (one 2-d input, or one 1-d input per argument): a TypeError
 *   naming both readings.
 */
export function readInputs(f: { length: number }, inputs: unknown): unknown[] {
  if (!Array.isArray(inputs)) return [inputs];
  if (inputs.length === 0) {
    throw new TypeError(
      "Cannot check the gradient at an empty array: gradientCheck() expects one input, or an array with one entry per argument of the function",
    );
  }
  if (inputs.every((v) => typeof v === "number")) {
    if (f.length > 1) {
      throw new TypeError(
        `Cannot tell what the array of ${inputs.length} numbers means for a function of ${f.length} parameters: gradientCheck() reads an array of numbers as one 1-d input of shape [${inputs.length}], not as one number per argument; pass [array([...])] for one 1-d input, or [array(a), array(b), ...] for one 0-d input per argument`,
      );
    }
    return [array(inputs as number[])];
  }
  if (inputs.every((v) => Array.isArray(v))) {
    const whole = nestedArray(inputs);
    if (whole !== undefined) {
      const entry = formatShape(whole.shape.slice(1));
      throw new TypeError(
        `Cannot tell what the nested array of shape ${
          formatShape(whole.shape)
        } means: gradientCheck() could read it as one input of shape ${
          formatShape(whole.shape)
        } or as ${inputs.length} inputs of shape ${entry}; pass array(...) for one input, or an array of array(...) for one input per argument`,
      );
    }
  }
  return inputs;
}

/** Whether gradientCheck can differentiate with respect to this argument. */
export function isCheckable(value: unknown): boolean {
  return value instanceof Variable || isFloat64NdArray(value) ||
    typeof value === "number" ||
    (Array.isArray(value) && nestedArray(value) !== undefined);
}

/** A contiguous copy of a checkable argument's values: the point to check. */
export function pointOf(value: unknown): Float64NdArray {
  if (value instanceof Variable) return copyOf(value.data);
  if (typeof value === "number") return scalarOf(value);
  if (Array.isArray(value)) return nestedArray(value) as Float64NdArray;
  return copyOf(value as Float64NdArray);
}

function nestedArray(value: unknown[]): Float64NdArray | undefined {
  try {
    return array(value as NestedNumbers);
  } catch {
    return undefined;
  }
}

/** The positions of the inputs to check, validated and sorted. */
export function readWrt(args: unknown[], wrt: number[] | undefined): number[] {
  if (wrt === undefined) {
    const all = args.flatMap((arg, i) => isCheckable(arg) ? [i] : []);
    if (all.length === 0) {
      throw new TypeError(
        `Cannot check the gradient at ${
          args.length === 1 ? describe(args[0]) : "these inputs"
        }: gradientCheck() expects a Variable, a float64 ndarray, a number or nested arrays of numbers as an input`,
      );
    }
    return all;
  }
  if (!Array.isArray(wrt) || wrt.length === 0) {
    throw new TypeError(
      `Cannot use ${
        describe(wrt)
      } as wrt: gradientCheck() expects a non-empty array of input positions`,
    );
  }
  for (const i of wrt) {
    if (!Number.isInteger(i) || i < 0 || i >= args.length) {
      throw new RangeError(
        `Cannot check input ${
          String(i)
        }: gradientCheck() got ${args.length} input(s)`,
      );
    }
    if (!isCheckable(args[i])) {
      throw new TypeError(
        `Cannot check input ${i}, ${
          describe(args[i])
        }: gradientCheck() expects a Variable, a float64 ndarray, a number or nested arrays of numbers there`,
      );
    }
  }
  if (new Set(wrt).size !== wrt.length) {
    throw new TypeError(
      `Cannot use wrt [${
        wrt.join(",")
      }]: gradientCheck() expects each input once`,
    );
  }
  return [...wrt].sort((a, b) => a - b);
}
