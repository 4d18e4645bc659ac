// Global switches of the engine (DeZero's Config), changed for the length of
// a callback by usingConfig() and noGrad().

/** The engine's switches. */
export interface Config {
  /**
   * Whether calling a function records the graph (default `true`). When
   * `false`, outputs have no creator and nothing is kept for backward.
   */
  enableBackprop: boolean;
}

/**
 * The current configuration. Prefer {@linkcode usingConfig} or
 * {@linkcode noGrad}, which restore the old values even when the callback
 * throws.
 */
export const config: Config = { enableBackprop: true };
