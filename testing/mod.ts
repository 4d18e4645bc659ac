/**
 * Tools to test differentiable functions from `Deno.test`: numerical
 * differentiation, NumPy-style closeness checks and a gradient checker.
 *
 * @example Check your own function's backward
 * ```ts
 * import { array, exp, square } from "@dezero/core";
 * import { gradientCheck } from "@dezero/core/testing";
 *
 * gradientCheck((x) => exp(square(x)), array([0.5, -1, 2]));
 * ```
 *
 * @module
 */
export * from "./all_close.ts";
export * from "./assert_all_close.ts";
export * from "./gradient_check.ts";
export * from "./numerical_diff.ts";
