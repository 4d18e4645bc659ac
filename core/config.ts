// Global switches of the engine (DeZero's Config), changed for the length of
// a callback by usingConfig(), noGrad() and testMode().

/**
 * The engine's switches.
 *
 * @example Reading a switch inside usingConfig
 * ```ts
 * import { type Config, config, usingConfig } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const inside: Config = usingConfig({ enableBackprop: false }, () => ({
 *   ...config,
 * }));
 * assert.equal(inside.enableBackprop, false);
 * assert.equal(config.enableBackprop, true);
 * ```
 */
export interface Config {
  /**
   * Whether calling a function records the graph (default `true`). When
   * `false`, outputs have no creator and nothing is kept for backward.
   */
  enableBackprop: boolean;
  /**
   * Whether the model is training (default `true`). Functions that behave
   * differently at test time, such as `dropout`, read it; `testMode` turns
   * it off for the length of a callback.
   */
  train: boolean;
}

/**
 * The current configuration. Prefer {@linkcode usingConfig} or
 * {@linkcode noGrad}, which restore the old values even when the callback
 * throws.
 *
 * @example Inference without a graph
 * ```ts
 * import { array, config, noGrad, square, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * assert.equal(config.enableBackprop, true);
 * const y = noGrad(() => {
 *   assert.equal(config.enableBackprop, false);
 *   return square(new Variable(array(3)));
 * });
 * assert.equal(y.creator, null);
 * assert.equal(config.enableBackprop, true);
 * ```
 */
export const config: Config = { enableBackprop: true, train: true };
