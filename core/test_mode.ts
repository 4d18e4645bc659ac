import { usingConfig } from "./using_config.ts";

/**
 * Run `fn` in test mode: `config.train` is `false` inside, so functions such
 * as `dropout` behave as at inference time (DeZero's `test_mode()`). The
 * graph is still recorded; combine with `noGrad` to skip it as well.
 *
 * @param fn The callback to run.
 * @returns What `fn` returns.
 *
 * @example
 * ```ts
 * import { array, config, dropout, testMode, toNested, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([1, 2, 3]));
 * const y = testMode(() => dropout(x));
 * assert.deepEqual(toNested(y.data), [1, 2, 3]);
 * assert.equal(config.train, true);
 * ```
 */
export function testMode<T>(fn: () => T): T {
  return usingConfig({ train: false }, fn);
}
