import { describe } from "../core/_describe.ts";
import { asVariable } from "../core/as_variable.ts";
import { config } from "../core/config.ts";
import type { Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { dropoutMask } from "./_random_mask.ts";
import { div } from "./div.ts";
import { mul } from "./mul.ts";

/**
 * Inverted dropout (DeZero's `dropout`): in training mode each element is
 * kept with probability `1 - ratio` and scaled by `1 / (1 - ratio)`, so the
 * expected value is unchanged; in test mode (see `testMode`) `x` is
 * returned as it is. The gradient flows through the kept elements only,
 * with the same scale.
 *
 * @param x The input.
 * @param ratio The probability of dropping an element, in [0, 1)
 * (default 0.5).
 * @returns `x * mask / (1 - ratio)` while training, `x` in test mode.
 *
 * @example
 * ```ts
 * import { array, dropout, testMode, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([1, 1, 1, 1, 1, 1, 1, 1]));
 * const y = dropout(x, 0.5);
 * // Every element is either dropped or doubled.
 * assert.ok(Array.from(y.data.data).every((v) => v === 0 || v === 2));
 * assert.equal(testMode(() => dropout(x, 0.5)), x);
 * ```
 */
export function dropout(x: Operand, ratio = 0.5): Variable {
  if (typeof ratio !== "number") {
    throw new TypeError(
      `Cannot use ${describe(ratio)} as the ratio: dropout expects a number`,
    );
  }
  if (!(ratio >= 0 && ratio < 1)) {
    throw new RangeError(
      `Cannot drop out with ratio ${ratio}: dropout expects a ratio in [0, 1)`,
    );
  }
  const variable = asVariable(x);
  if (!config.train) return variable;
  const mask = dropoutMask(variable.shape, ratio);
  return div(mul(variable, mask), 1 - ratio);
}
