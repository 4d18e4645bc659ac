import { describe } from "./_describe.ts";
import { type Config, config } from "./config.ts";

/**
 * Run `fn` with some switches of {@linkcode config} changed, then restore
 * them (also when `fn` throws). `fn` must be synchronous: the switches are
 * global, so they cannot follow an `await`.
 *
 * @param changes The switches to change.
 * @param fn The callback to run.
 * @returns What `fn` returns.
 *
 * @example
 * ```ts
 * import { array, config, square, usingConfig, Variable } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const y = usingConfig({ enableBackprop: false }, () => square(new Variable(array(3))));
 * assert.equal(y.creator, null);
 * assert.equal(config.enableBackprop, true);
 * ```
 */
export function usingConfig<T>(changes: Partial<Config>, fn: () => T): T {
  if (typeof fn !== "function") {
    throw new TypeError(
      `Cannot run ${describe(fn)}: usingConfig() expects a callback`,
    );
  }
  const saved: Config = { ...config };
  for (const key of Object.keys(changes) as (keyof Config)[]) {
    if (!(key in config)) {
      throw new TypeError(
        `Cannot change the unknown setting "${key}": usingConfig() knows ${
          Object.keys(config).join(", ")
        }`,
      );
    }
    if (typeof changes[key] !== "boolean") {
      throw new TypeError(
        `Cannot set ${key} to ${
          describe(changes[key])
        }: usingConfig() expects a boolean`,
      );
    }
  }
  Object.assign(config, changes);
  let result: T;
  try {
    result = fn();
  } finally {
    Object.assign(config, saved);
  }
  if (result instanceof Promise) {
    throw new TypeError(
      "Cannot use an async callback: usingConfig() and noGrad() switch global settings, which an await would leak into other tasks",
    );
  }
  return result;
}
