import { withConfig } from "./_with_config.ts";

/**
 * Run `fn` without recording the graph: outputs have no creator and keep no
 * inputs alive, as for inference or parameter updates. `fn` must be
 * synchronous, as for {@linkcode usingConfig}.
 *
 * @param fn The callback to run.
 * @returns What `fn` returns.
 *
 * @example
 * ```ts
 * import { array, exp, noGrad, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array(1));
 * const y = noGrad(() => exp(x));
 * assert.equal(y.creator, null);
 * ```
 */
export function noGrad<T>(fn: () => T): T {
  return withConfig("noGrad()", { enableBackprop: false }, fn);
}
