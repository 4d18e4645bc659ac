/**
 * Differentiable functions: a class per function (`Square`, `Exp`) and a
 * helper that applies it (`square`, `exp`).
 *
 * @module
 */
export * from "./exp.ts";
export * from "./square.ts";
