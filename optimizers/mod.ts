/**
 * Optimizers update a model's parameters from their gradients:
 * {@linkcode SGD}, {@linkcode MomentumSGD}, {@linkcode AdaGrad},
 * {@linkcode AdaDelta}, {@linkcode Adam} (DeZero's) and {@linkcode AdamW}
 * (PyTorch's), with DeZero's hooks {@linkcode WeightDecay},
 * {@linkcode ClipGrad} and {@linkcode FreezeParam}. Updates happen in place,
 * without recording a graph.
 *
 * @example Fit y = 2x + 1 with a Linear layer and SGD
 * ```ts
 * import { array } from "@dezero/core";
 * import { Linear } from "@dezero/core/layers";
 * import { SGD } from "@dezero/core/optimizers";
 * import assert from "node:assert/strict";
 *
 * const x = array([[0], [1], [2], [3]]);
 * const t = array([[1], [3], [5], [7]]);
 * const model = new Linear(1);
 * const optimizer = new SGD(0.05).setup(model);
 * for (let i = 0; i < 500; i++) {
 *   const loss = model.call(x).sub(t).square().sum().div(4);
 *   model.clearGrads();
 *   loss.backward();
 *   optimizer.update();
 * }
 * assert.ok(Math.abs(model.W.data.get(0, 0) - 2) < 1e-3);
 * assert.ok(Math.abs(model.b!.data.get(0) - 1) < 1e-3);
 * ```
 *
 * @module
 */
export * from "./ada_delta.ts";
export * from "./ada_grad.ts";
export * from "./adam.ts";
export * from "./adam_w.ts";
export * from "./clip_grad.ts";
export * from "./freeze_param.ts";
export * from "./momentum_sgd.ts";
export * from "./optimizer.ts";
export * from "./sgd.ts";
export * from "./weight_decay.ts";
