import { describe } from "../core/_describe.ts";

/** A copy of a shape argument, or a TypeError naming the function. */
export function checkShapeArgument(
  caller: string,
  shape: unknown,
): readonly number[] {
  if (
    !Array.isArray(shape) ||
    !shape.every((n) => Number.isInteger(n) && n >= -1)
  ) {
    throw new TypeError(
      `Cannot use ${
        describe(shape)
      } as a shape: ${caller} expects an array of integers`,
    );
  }
  return [...shape];
}
