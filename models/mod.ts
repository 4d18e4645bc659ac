/**
 * Models: a {@linkcode Model} is a layer that is a whole network and can be
 * drawn; {@linkcode Sequential} chains layers, {@linkcode MLP} builds a
 * multi-layer perceptron from its layer sizes and {@linkcode VGG16} is
 * DeZero's VGG16, which loads DeZero's pretrained weights.
 *
 * @example Fit one point with an MLP
 * ```ts
 * import { array, noGrad } from "@dezero/core";
 * import { MLP } from "@dezero/core/models";
 * import assert from "node:assert/strict";
 *
 * const model = new MLP([5, 1]);
 * const x = array([[0.5]]);
 * const lossOf = () => model.call(x).sub(2).square().sum();
 * const before = lossOf().data.get();
 * for (let i = 0; i < 50; i++) {
 *   model.clearGrads();
 *   lossOf().backward();
 *   noGrad(() => {
 *     for (const p of model.params()) p.data = p.sub(p.grad!.mul(0.1)).data;
 *   });
 * }
 * assert.ok(lossOf().data.get() < before / 100);
 * ```
 *
 * @module
 */
export * from "./mlp.ts";
export * from "./model.ts";
export * from "./sequential.ts";
export * from "./vgg16.ts";
