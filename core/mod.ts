/**
 * The graph: {@linkcode Variable}, {@linkcode Function}, the configuration
 * switches and the array helpers that build float64 ndarrays.
 *
 * @module
 */
export * from "./array.ts";
export * from "./as_array.ts";
export * from "./as_variable.ts";
export * from "./config.ts";
export * from "./format.ts";
export * from "./full.ts";
export * from "./function.ts";
export * from "./grad.ts";
export * from "./item.ts";
export * from "./map.ts";
export * from "./no_grad.ts";
export * from "./parameter.ts";
export * from "./test_mode.ts";
export * from "./threads.ts";
export * from "./to_float64_array.ts";
export * from "./to_nested.ts";
export * from "./using_config.ts";
export * from "./variable.ts";
export * from "./zeros.ts";
export * from "./zip_with.ts";
