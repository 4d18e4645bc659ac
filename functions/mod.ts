/**
 * Differentiable functions: a class per function (`Square`, `Add`, ...) and
 * a helper that applies it (`square`, `add`, ...). Loading this module also
 * makes them available as Variable methods (`x.square().add(y)`).
 *
 * @module
 */
export * from "./add.ts";
export * from "./broadcast_to.ts";
export * from "./cos.ts";
export * from "./div.ts";
export * from "./exp.ts";
export * from "./linear.ts";
export * from "./log.ts";
export * from "./matmul.ts";
export * from "./mul.ts";
export * from "./neg.ts";
export * from "./pow.ts";
export * from "./relu.ts";
export * from "./reshape.ts";
export * from "./sigmoid.ts";
export * from "./sin.ts";
export * from "./square.ts";
export * from "./sub.ts";
export * from "./sum.ts";
export * from "./sum_to.ts";
export * from "./tanh.ts";
export * from "./transpose.ts";
