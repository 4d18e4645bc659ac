/**
 * Layers: things that own parameters and compute with them. A
 * {@linkcode Layer} finds its parameters and sub-layers in its own
 * properties; {@linkcode Linear} is the fully connected layer with lazy
 * input size, {@linkcode Conv2d} and {@linkcode Deconv2d} the convolution
 * layers with lazy input channels. {@linkcode RNN} and {@linkcode LSTM} keep
 * a state between calls, one call per time step; {@linkcode EmbedID} looks
 * up vectors by id; {@linkcode BatchNorm} normalises per channel with running
 * statistics.
 *
 * @example One fully connected layer and its parameters
 * ```ts
 * import { array } from "@dezero/core";
 * import { Linear } from "@dezero/core/layers";
 * import assert from "node:assert/strict";
 *
 * const layer = new Linear(4);
 * const y = layer.call(array([[1, 2, 3]]));
 * assert.deepEqual(y.shape, [1, 4]);
 * y.sum().backward();
 * assert.deepEqual([...layer.params()].map((p) => p.name), ["W", "b"]);
 * assert.deepEqual(layer.b?.grad?.shape, [4]);
 * ```
 *
 * @module
 */
export * from "./batch_norm.ts";
export * from "./conv2d.ts";
export * from "./deconv2d.ts";
export * from "./embed_id.ts";
export * from "./layer.ts";
export * from "./linear.ts";
export * from "./lstm.ts";
export * from "./rnn.ts";
