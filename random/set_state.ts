import { globalRandomState } from "./_global.ts";
import type { RandomStateState } from "./random_state.ts";

/**
 * Restore the global generator's state from {@linkcode getState}, as
 * `np.random.set_state()`.
 *
 * @param state The 624 words, the position and the cached Gauss value.
 *
 * @example
 * ```ts
 * import { getState, rand, RandomState, setState } from "@dezero/core/random";
 * import assert from "node:assert/strict";
 *
 * setState(new RandomState(5).getState());
 * assert.equal(rand(), new RandomState(5).rand());
 * ```
 */
export function setState(state: RandomStateState): void {
  globalRandomState.setState(state);
}
