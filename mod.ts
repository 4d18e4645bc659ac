/**
 * DeZero for Deno: define-by-run automatic differentiation on float64
 * ndarrays. Build a graph by calling functions on {@linkcode Variable}s, then
 * call `backward()` on the result to get every input's gradient.
 *
 * @example y = (e^(x²))² and its derivative at x = 0.5
 * ```ts
 * import { array, exp, square, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array(0.5));
 * const y = square(exp(square(x)));
 * y.backward();
 * assert.equal(x.grad?.data.get(), 3.297442541400256);
 * ```
 *
 * @module
 */
export * from "./core/mod.ts";
export * from "./functions/mod.ts";
