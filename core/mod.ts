/**
 * The graph: {@linkcode Variable}, {@linkcode Function} and the array helpers
 * that build float64 ndarrays.
 *
 * @module
 */
export * from "./array.ts";
export * from "./config.ts";
export * from "./function.ts";
export * from "./variable.ts";
