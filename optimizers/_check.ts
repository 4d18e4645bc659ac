// Run-time checks of optimizer settings, with messages that name the
// optimizer and the setting.

import { describe } from "../core/_describe.ts";

/** A finite number > 0 (learning rates), or a RangeError / TypeError. */
export function checkPositive(
  owner: string,
  name: string,
  value: unknown,
): number {
  checkNumber(owner, name, value, "a positive number");
  if (!((value as number) > 0) || !Number.isFinite(value)) {
    throw new RangeError(
      `Cannot use ${name} ${value} in ${owner}: expected a positive number`,
    );
  }
  return value as number;
}

/** A finite number ≥ 0, or a RangeError / TypeError. */
export function checkNonNegative(
  owner: string,
  name: string,
  value: unknown,
): number {
  checkNumber(owner, name, value, "a number >= 0");
  if (!((value as number) >= 0) || !Number.isFinite(value)) {
    throw new RangeError(
      `Cannot use ${name} ${value} in ${owner}: expected a number >= 0`,
    );
  }
  return value as number;
}

/** A number in [0, 1), as decay rates of moving averages; or an error. */
export function checkRate(owner: string, name: string, value: unknown): number {
  checkNumber(owner, name, value, "a number in [0, 1)");
  if (!((value as number) >= 0 && (value as number) < 1)) {
    throw new RangeError(
      `Cannot use ${name} ${value} in ${owner}: expected a number in [0, 1)`,
    );
  }
  return value as number;
}

/** An options object (or undefined), or a TypeError. */
export function checkOptions<T extends object>(
  owner: string,
  value: T | undefined,
): T {
  if (value === undefined) return {} as T;
  if (typeof value !== "object" || value === null) {
    throw new TypeError(
      `Cannot use ${
        describe(value)
      } as the options of ${owner}: expected an object`,
    );
  }
  return value;
}

function checkNumber(
  owner: string,
  name: string,
  value: unknown,
  expected: string,
): void {
  if (typeof value !== "number") {
    throw new TypeError(
      `Cannot use ${
        describe(value)
      } as ${name} in ${owner}: expected ${expected}`,
    );
  }
}
