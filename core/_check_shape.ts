import { describe } from "./_describe.ts";

/** A TypeError unless `shape` is an array of non-negative integers. */
export function checkShape(caller: string, shape: unknown): void {
  if (
    !Array.isArray(shape) ||
    !shape.every((n) => Number.isInteger(n) && n >= 0)
  ) {
    throw new TypeError(
      `Cannot use ${
        describe(shape)
      } as a shape: ${caller}() expects an array of non-negative integers`,
    );
  }
}
