// Optimizer: updates the parameters of a layer (or a list of them) from
// their gradients (book step 46), with hooks that may change the gradients
// first (weight decay, clipping, freezing).

import { describe } from "../core/_describe.ts";
import { formatShape, sameShape } from "../core/_ndarray.ts";
import { Parameter } from "../core/parameter.ts";
import { usingConfig } from "../core/using_config.ts";
import { Layer } from "../layers/layer.ts";

/**
 * A hook as a function: gets the parameters about to be updated.
 *
 * @example
 * ```ts
 * import { array, Parameter } from "@dezero/core";
 * import { type OptimizerHookFunction, SGD } from "@dezero/core/optimizers";
 * import assert from "node:assert/strict";
 *
 * let seen = 0;
 * const count: OptimizerHookFunction = (params) => {
 *   seen += params.length;
 * };
 * const w = new Parameter(array([1]));
 * const optimizer = new SGD(0.1).setup([w]).addHook(count);
 * w.grad = array([2]);
 * optimizer.update();
 * assert.equal(seen, 1);
 * assert.ok(Math.abs(w.data.get(0) - 0.8) < 1e-12);
 * ```
 */
export type OptimizerHookFunction = (params: Parameter[]) => void;

/**
 * A hook as an object with a `call` method, such as `new WeightDecay(1e-4)`.
 *
 * @example
 * ```ts
 * import { array, Parameter } from "@dezero/core";
 * import { type OptimizerHookObject, SGD } from "@dezero/core/optimizers";
 * import assert from "node:assert/strict";
 *
 * class Counter implements OptimizerHookObject {
 *   seen = 0;
 *   call(params: Parameter[]): void {
 *     this.seen += params.length;
 *   }
 * }
 * const counter = new Counter();
 * const w = new Parameter(array([1]));
 * const optimizer = new SGD(0.1).setup([w]).addHook(counter);
 * w.grad = array([2]);
 * optimizer.update();
 * assert.equal(counter.seen, 1);
 * ```
 */
export interface OptimizerHookObject {
  /**
   * Change the parameters' gradients (or anything else) before the update.
   *
   * @param params The parameters about to be updated, all with a gradient.
   */
  call(params: Parameter[]): void;
}

/**
 * What {@linkcode Optimizer.addHook} accepts.
 *
 * @example
 * ```ts
 * import { array, Parameter } from "@dezero/core";
 * import { type OptimizerHook, SGD, WeightDecay } from "@dezero/core/optimizers";
 * import assert from "node:assert/strict";
 *
 * const hooks: OptimizerHook[] = [new WeightDecay(0.5), () => {}];
 * const w = new Parameter(array([1]));
 * const optimizer = new SGD(0.1).setup([w]);
 * for (const hook of hooks) {
 *   if (typeof hook === "function") optimizer.addHook(hook);
 *   else optimizer.addHook(hook);
 * }
 * w.grad = array([0]);
 * optimizer.update();
 * // The gradient becomes 0 + 0.5 · 1, so w = 1 - 0.1 · 0.5.
 * assert.ok(Math.abs(w.data.get(0) - 0.95) < 1e-12);
 * ```
 */
export type OptimizerHook = OptimizerHookFunction | OptimizerHookObject;

/**
 * The base class of optimizers: `setup(target)` says what to optimize,
 * `update()` changes every parameter that has a gradient, in place, under
 * `noGrad`. A subclass implements `updateOne`.
 *
 * @example An optimizer of your own: sign descent
 * ```ts
 * import { array, Parameter } from "@dezero/core";
 * import { Optimizer } from "@dezero/core/optimizers";
 * import assert from "node:assert/strict";
 *
 * class SignSGD extends Optimizer {
 *   updateOne(param: Parameter): void {
 *     const p = param.data;
 *     p.set(0, p.get(0) - 0.1 * Math.sign(param.grad!.data.get(0)));
 *   }
 * }
 *
 * const w = new Parameter(array([1]));
 * const optimizer = new SignSGD().setup([w]);
 * w.grad = array([-5]);
 * optimizer.update();
 * assert.equal(w.data.get(0), 1.1);
 * ```
 */
export abstract class Optimizer {
  #target: Layer | Parameter[] | null = null;
  #hooks: OptimizerHookFunction[] = [];

  /**
   * Choose what to optimize: a layer or model (its parameters are looked
   * up again on every update, so layers added later count) or parameters.
   *
   * @param target A {@linkcode Layer} or an iterable of Parameters.
   * @returns This optimizer, for chaining.
   * @throws {TypeError} If the target is neither, or has no parameters.
   */
  setup(target: Layer | Iterable<Parameter>): this {
    const name = this.constructor.name;
    let count = 0;
    let chosen: Layer | Parameter[];
    if (target instanceof Layer) {
      for (const _ of target.params()) count++;
      chosen = target;
    } else if (
      typeof target === "object" && target !== null &&
      typeof (target as Iterable<unknown>)[Symbol.iterator] === "function"
    ) {
      const params = new Set<Parameter>();
      let i = 0;
      for (const item of target as Iterable<unknown>) {
        if (!(item instanceof Parameter)) {
          throw new TypeError(
            `Cannot set up ${name} with ${
              describe(item)
            } at position ${i}: expected Parameters`,
          );
        }
        params.add(item);
        i++;
      }
      count = params.size;
      chosen = [...params];
    } else {
      throw new TypeError(
        `Cannot set up ${name} with ${
          describe(target)
        }: expected a Layer, a Model or an array of Parameters`,
      );
    }
    if (count === 0) {
      throw new TypeError(
        `Cannot set up ${name}: the target has no parameters to optimize`,
      );
    }
    this.#target = chosen;
    return this;
  }

  /**
   * Add a hook, run on every update before the parameters change, with the
   * parameters that have a gradient: a function, or an object with a
   * `call(params)` method such as {@linkcode WeightDecay}.
   *
   * @param hook The hook.
   * @returns This optimizer, for chaining.
   */
  addHook(hook: OptimizerHookFunction): this;
  /**
   * Add a hook object, such as {@linkcode WeightDecay}, whose `call(params)`
   * runs on every update before the parameters change.
   *
   * @param hook The hook.
   * @returns This optimizer, for chaining.
   */
  addHook(hook: OptimizerHookObject): this;
  addHook(hook: OptimizerHook): this {
    if (typeof hook === "function") {
      this.#hooks.push(hook as OptimizerHookFunction);
    } else if (
      typeof hook === "object" && hook !== null &&
      typeof (hook as OptimizerHookObject).call === "function"
    ) {
      this.#hooks.push((params) => hook.call(params));
    } else {
      throw new TypeError(
        `Cannot add ${describe(hook)} as a hook of ${this.constructor.name}: ` +
          `expected a function of the parameters or an object with a call(params) method`,
      );
    }
    return this;
  }

  /**
   * Update every parameter that has a gradient: run the hooks, then
   * `updateOne` on each parameter that still has one, without recording a
   * graph.
   */
  update(): void {
    const target = this.#target;
    if (target === null) {
      throw new Error(
        `Cannot update with ${this.constructor.name}: call setup(target) first`,
      );
    }
    const params: Parameter[] = [];
    const all = target instanceof Layer ? target.params() : target;
    for (const param of all) {
      if (param.grad === null || !param.hasData) continue;
      // The data may have been replaced since backward() (loading weights).
      if (!sameShape(param.grad.data.shape, param.data.shape)) {
        throw new TypeError(
          `Cannot update ${
            param.name === undefined
              ? "a parameter"
              : `parameter "${param.name}"`
          } with ${this.constructor.name}: its gradient has shape ${
            formatShape(param.grad.data.shape)
          }, its data ${formatShape(param.data.shape)}`,
        );
      }
      params.push(param);
    }
    usingConfig({ enableBackprop: false }, () => {
      for (const hook of this.#hooks) hook(params);
      for (const param of params) {
        // A hook such as FreezeParam may have removed the gradient.
        if (param.grad !== null) this.updateOne(param);
      }
    });
  }

  /**
   * Update one parameter in place from its gradient.
   *
   * @param param A parameter whose `grad` is set.
   */
  abstract updateOne(param: Parameter): void;
}
