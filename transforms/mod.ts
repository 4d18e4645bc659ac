/**
 * Transforms applied to each example of a dataset, as DeZero's
 * `dezero.transforms`: {@linkcode Compose}, {@linkcode Normalize},
 * {@linkcode Flatten}, {@linkcode AsType} and {@linkcode ToFloat}. A
 * transform is an object with a `call(x)` method; plain functions work
 * wherever a transform is expected.
 *
 * @example DeZero's MNIST pipeline
 * ```ts
 * import { array } from "@dezero/core";
 * import { Compose, Flatten, Normalize, ToFloat } from "@dezero/core/transforms";
 * import assert from "node:assert/strict";
 *
 * const transform = new Compose([new Flatten(), new ToFloat(), new Normalize(0, 255)]);
 * const x = transform.call(array([[[0, 255], [51, 0]]]));
 * assert.deepEqual(x.shape, [4]);
 * assert.equal(x.get(2), 0.2);
 * ```
 *
 * @module
 */
export * from "./as_type.ts";
export * from "./compose.ts";
export * from "./flatten.ts";
export * from "./normalize.ts";
export * from "./to_float.ts";
export * from "./transform.ts";
