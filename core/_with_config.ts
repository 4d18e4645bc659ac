import { describe } from "./_describe.ts";
import { type Config, config } from "./config.ts";

/**
 * Run `fn` with `changes` applied to {@linkcode config}, restoring every
 * switch afterwards (also when `fn` throws). Errors name `caller`.
 *
 * The switches are global, so they cannot follow an `await`: an async
 * function is refused before it runs, and a callback that returns a promise
 * anyway is a TypeError after it ran, with the settings restored and a
 * handler attached to the promise so that its rejection never becomes an
 * unhandled rejection that stops the process.
 */
export function withConfig<T>(
  caller: string,
  changes: unknown,
  fn: () => T,
): T {
  if (typeof fn !== "function") {
    throw new TypeError(
      `Cannot run ${describe(fn)}: ${caller} expects a callback`,
    );
  }
  const tag = Object.prototype.toString.call(fn);
  if (
    tag === "[object AsyncFunction]" ||
    tag === "[object AsyncGeneratorFunction]"
  ) {
    throw asyncError(caller);
  }
  const checked = checkChanges(caller, changes);
  const saved: Config = { ...config };
  Object.assign(config, checked);
  let result: T;
  try {
    result = fn();
  } finally {
    Object.assign(config, saved);
  }
  if (isThenable(result)) {
    try {
      result.then(undefined, ignore);
    } catch {
      // A thenable whose then throws has nothing left to reject.
    }
    throw asyncError(caller);
  }
  return result;
}

function asyncError(caller: string): TypeError {
  return new TypeError(
    `Cannot use an async callback: ${caller} switches global settings, which an await would leak into other tasks; call it around the synchronous part instead`,
  );
}

function ignore(): void {}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function";
}

function checkChanges(caller: string, changes: unknown): Partial<Config> {
  if (changes === undefined || changes === null) return {};
  if (typeof changes !== "object" || Array.isArray(changes)) {
    throw new TypeError(
      `Cannot use ${
        describe(changes)
      } as settings: ${caller} expects an object such as { enableBackprop: false }`,
    );
  }
  const record = changes as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(key in config)) {
      throw new TypeError(
        `Cannot change the unknown setting "${key}": ${caller} knows ${
          Object.keys(config).join(", ")
        }`,
      );
    }
    if (typeof record[key] !== "boolean") {
      throw new TypeError(
        `Cannot set ${key} to ${
          describe(record[key])
        }: ${caller} expects a boolean`,
      );
    }
  }
  return record as Partial<Config>;
}
