// Argument checks shared by the plot functions; messages name the caller.

import { describe } from "../core/_describe.ts";
import { adoptArray } from "../core/_ndarray.ts";
import { toFloat64Array, Variable } from "../mod.ts";

/** `options` as an object, or `{}` when not given. */
export function checkOptions<T extends object>(
  caller: string,
  options: T | undefined,
): T {
  if (options === undefined) return {} as T;
  if (typeof options !== "object" || options === null) {
    throw new TypeError(
      `Cannot read options ${
        describe(options)
      }: ${caller} expects an object or nothing`,
    );
  }
  return options;
}

/** A whole number of at least `low`, or the default when not given. */
export function checkInteger(
  caller: string,
  name: string,
  value: unknown,
  fallback: number,
  low = 1,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < low) {
    throw new RangeError(
      `Cannot use ${name} ${
        describe(value)
      }: ${caller} expects an integer of at least ${low}`,
    );
  }
  return value;
}

/** A string option, or the default when not given. */
export function checkText(
  caller: string,
  name: string,
  value: unknown,
  fallback: string | undefined,
): string | undefined {
  if (value === undefined) return fallback;
  if (typeof value !== "string") {
    throw new TypeError(
      `Cannot use ${name} ${describe(value)}: ${caller} expects a string`,
    );
  }
  return value;
}

/** Numbers from an array, a typed array, an ndarray or a Variable. */
export function numbersOf(
  caller: string,
  what: string,
  value: unknown,
): { values: Float64Array; shape: number[] } {
  if (value instanceof Variable) {
    return { values: toFloat64Array(value), shape: [...value.shape] };
  }
  const adopted = adoptArray(caller, value);
  if (adopted !== undefined) {
    return { values: toFloat64Array(adopted), shape: [...adopted.shape] };
  }
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const list = Array.from(value as ArrayLike<unknown>);
    const bad = list.findIndex((v) => typeof v !== "number");
    if (bad < 0 && !(value instanceof DataView)) {
      return {
        values: Float64Array.from(list as number[]),
        shape: [list.length],
      };
    }
    throw new TypeError(
      `Cannot use ${what} with ${
        describe(list[bad])
      } at index ${bad}: ${caller} expects numbers`,
    );
  }
  throw new TypeError(
    `Cannot use ${what} ${
      describe(value)
    }: ${caller} expects an array of numbers, a float64 ndarray or a Variable`,
  );
}
