// Global switches of the engine (DeZero's Config), changed for the length of
// a callback by usingConfig(), noGrad() and testMode().

/** The engine's switches. */
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
 */
export const config: Config = { enableBackprop: true, train: true };
