/**
 * Seeded randomness whose streams equal NumPy's legacy `np.random` bit for
 * bit, so that the book's seeds give the book's data, initial weights and
 * batch order. Use a {@linkcode RandomState} of your own, or the module-level
 * functions on a shared generator as `np.random.seed(0); np.random.randn(2, 3)`.
 *
 * @example
 * ```ts
 * import { randn, seed } from "@dezero/core/random";
 * import assert from "node:assert/strict";
 *
 * seed(0);
 * const x = randn(2, 3); // np.random.seed(0); np.random.randn(2, 3)
 * assert.equal(x.get(0, 0), 1.764052345967664);
 * ```
 *
 * @module
 */
export * from "./choice.ts";
export * from "./get_state.ts";
export * from "./normal.ts";
export * from "./permutation.ts";
export * from "./rand.ts";
export * from "./randint.ts";
export * from "./randn.ts";
export * from "./random_state.ts";
export * from "./seed.ts";
export * from "./set_state.ts";
export * from "./shuffle.ts";
export * from "./uniform.ts";
