import { withConfig } from "./_with_config.ts";
import type { Config } from "./config.ts";

/**
 * Run `fn` with some switches of {@linkcode config} changed, then restore
 * them (also when `fn` throws). `fn` must be synchronous: the switches are
 * global, so they cannot follow an `await`. An async function is a
 * TypeError before it runs; a callback that returns a promise anyway is a
 * TypeError after it ran, with the switches restored and the promise's
 * rejection handled, so it never stops the process as an unhandled one.
 *
 * @param changes The switches to change; `null` changes none.
 * @param fn The callback to run.
 * @returns What `fn` returns.
 *
 * @example
 * ```ts
 * import { array, config, square, usingConfig, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = usingConfig({ enableBackprop: false }, () => square(new Variable(array(3))));
 * assert.equal(y.creator, null);
 * assert.equal(config.enableBackprop, true);
 * ```
 */
export function usingConfig<T>(
  changes: Partial<Config> | null,
  fn: () => T,
): T {
  return withConfig("usingConfig()", changes, fn);
}
