// Argument checks of new ProgressBar(): the source, its total, options.

import { describe } from "../core/_describe.ts";

const caller = "new ProgressBar()";

/** The items to go through: the source, or 0 to n - 1 for a number n. */
export function sourceOf(source: unknown): Iterable<unknown> {
  if (typeof source === "number") {
    if (!Number.isInteger(source) || source < 0) {
      throw new RangeError(
        `Cannot count to ${
          describe(source)
        }: ${caller} expects a non-negative integer or an iterable`,
      );
    }
    return {
      *[Symbol.iterator](): Iterator<number> {
        for (let i = 0; i < source; i++) yield i;
      },
    };
  }
  if (
    typeof source !== "object" || source === null ||
    typeof (source as Iterable<unknown>)[Symbol.iterator] !== "function"
  ) {
    throw new TypeError(
      `Cannot go through ${
        describe(source)
      }: ${caller} expects an iterable or a non-negative integer`,
    );
  }
  return source as Iterable<unknown>;
}

export function totalOf(source: unknown, total: unknown): number | undefined {
  if (total !== undefined) {
    if (typeof total !== "number" || !Number.isInteger(total) || total < 0) {
      throw new RangeError(
        `Cannot use total ${
          describe(total)
        }: ${caller} expects a non-negative integer`,
      );
    }
    return total;
  }
  if (typeof source === "number") return source;
  // Arrays have a length, sets and maps a size, DeZero's DataLoader maxIter.
  const { length, size, maxIter } = source as Record<string, unknown>;
  for (const candidate of [length, size, maxIter]) {
    if (typeof candidate === "number" && Number.isInteger(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

export function checkFunction<F>(
  name: string,
  value: F | undefined,
): F | undefined {
  if (value !== undefined && typeof value !== "function") {
    throw new TypeError(
      `Cannot use ${name} ${describe(value)}: ${caller} expects a function`,
    );
  }
  return value;
}

export function checkNumber(
  name: string,
  value: unknown,
  low: number,
  high: number,
): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !(value >= low && value <= high)) {
    throw new RangeError(
      `Cannot use ${name} ${describe(value)}: ${caller} expects a number from ${
        low === Number.MIN_VALUE ? "above 0" : low
      } to ${high}`,
    );
  }
  return value;
}
