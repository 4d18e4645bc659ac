import { globalRandomState } from "./_global.ts";
import type { RandomStateState } from "./random_state.ts";

/**
 * A copy of the global generator's state, as `np.random.get_state()`.
 *
 * @returns The 624 words, the position and the cached Gauss value.
 *
 * @example Replay the global stream
 * ```ts
 * import { getState, randn, seed, setState } from "@dezero/core/random";
 * import assert from "node:assert/strict";
 *
 * seed(3);
 * const state = getState();
 * const first = randn(4);
 * setState(state);
 * assert.equal(randn(4).get(3), first.get(3));
 * ```
 */
export function getState(): RandomStateState {
  return globalRandomState.getState();
}
