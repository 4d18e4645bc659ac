import type { Seed } from "./_arguments.ts";
import { globalRandomState } from "./_global.ts";

/**
 * Reseed the global generator, as `np.random.seed(seed)`: an integer goes
 * through `init_genrand`, an array through `init_by_array`; no seed means
 * fresh entropy.
 *
 * @param seed An integer in [0, 2**32-1] or a non-empty array of them.
 *
 * @example
 * ```ts
 * import { rand, seed } from "@dezero/core/random";
 * import assert from "node:assert/strict";
 *
 * seed(0);
 * assert.equal(rand(), 0.5488135039273248);
 * ```
 */
export function seed(seed?: Seed): void {
  globalRandomState.seed(seed);
}
