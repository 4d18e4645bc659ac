/**
 * Differentiable functions: a class per function (`Square`, `Add`, ...) and
 * a helper that applies it (`square`, `add`, ...). Loading this module also
 * makes them available as Variable methods (`x.square().add(y)`).
 *
 * @module
 */
export * from "./accuracy.ts";
export * from "./add.ts";
export * from "./average.ts";
export * from "./average_pooling.ts";
export * from "./batch_norm.ts";
export * from "./binary_cross_entropy.ts";
export * from "./broadcast_to.ts";
export * from "./clip.ts";
export * from "./col2im.ts";
export * from "./conv2d.ts";
export * from "./conv2d_grad_w.ts";
export * from "./conv2d_simple.ts";
export * from "./cos.ts";
export * from "./deconv2d.ts";
export * from "./div.ts";
export * from "./dropout.ts";
export * from "./exp.ts";
export * from "./expand_dims.ts";
export * from "./flatten.ts";
export * from "./get_conv_outsize.ts";
export * from "./get_item.ts";
export * from "./get_item_grad.ts";
export * from "./im2col.ts";
export * from "./leaky_relu.ts";
export * from "./linear.ts";
export * from "./log.ts";
export * from "./log_softmax.ts";
export * from "./logsumexp.ts";
export * from "./matmul.ts";
export * from "./max.ts";
export * from "./mean.ts";
export * from "./mean_squared_error.ts";
export * from "./min.ts";
export * from "./mul.ts";
export * from "./neg.ts";
export * from "./pair.ts";
export * from "./pooling.ts";
export * from "./pooling_2d_grad.ts";
export * from "./pooling_2d_with_indexes.ts";
export * from "./pooling_simple.ts";
export * from "./pow.ts";
export * from "./relu.ts";
export * from "./reshape.ts";
export * from "./sigmoid.ts";
export * from "./sigmoid_cross_entropy.ts";
export * from "./sin.ts";
export * from "./slice.ts";
export * from "./softmax.ts";
export * from "./softmax_cross_entropy.ts";
export * from "./square.ts";
export * from "./squeeze.ts";
export * from "./sub.ts";
export * from "./sum.ts";
export * from "./sum_to.ts";
export * from "./tanh.ts";
export * from "./transpose.ts";
