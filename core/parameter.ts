// Parameter: a Variable that layers collect (book step 44). It computes
// exactly like a Variable; only its class tells a Layer "this is learned".

import { Variable } from "./variable.ts";

/**
 * A Variable that holds something a model learns, such as a weight or a
 * bias. Layers find their parameters by this class (see `Layer.params()`
 * in `@dezero/core/layers`); in every computation it is an ordinary
 * Variable.
 *
 * @example
 * ```ts
 * import { array, Parameter, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const W = new Parameter(array([1, 2]), { name: "W" });
 * const y = W.mul(3);
 * assert.ok(W instanceof Variable);
 * assert.ok(!(y instanceof Parameter));
 * y.sum().backward();
 * assert.equal(W.grad?.data.get(1), 3);
 * ```
 */
export class Parameter extends Variable {}
