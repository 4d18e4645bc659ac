/**
 * Datasets as DeZero's `dezero.datasets`: the {@linkcode Dataset} base class,
 * the toy {@linkcode Spiral} (with {@linkcode getSpiral}) and
 * {@linkcode SinCurve}. They draw from the global generator of
 * `@dezero/core/random` with DeZero's seeds, so they hold DeZero's numbers.
 *
 * @example
 * ```ts
 * import { Spiral } from "@dezero/core/datasets";
 * import assert from "node:assert/strict";
 *
 * const train = new Spiral();
 * const test = new Spiral({ train: false });
 * assert.equal(train.length, 300);
 * assert.notEqual(train.get(0)[0].get(0), test.get(0)[0].get(0));
 * ```
 *
 * @module
 */
export * from "./dataset.ts";
export * from "./get_spiral.ts";
export * from "./sin_curve.ts";
export * from "./spiral.ts";
export * from "./mnist.ts";
