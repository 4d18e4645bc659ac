// The options of gradientCheck, with their defaults, validated.

import { describe } from "../core/_describe.ts";
import type { GradientCheckOptions } from "./gradient_check.ts";

/** Options with their defaults, validated. */
export interface Settings {
  eps: number;
  rtol: number;
  atol: number;
  seed: number;
  mode: "full" | "fast";
  order: 1 | 2;
  kinks: "fail" | "skip";
  secondPoint: boolean;
  nondeterministicTolerance: number;
}

/** The settings from the caller's options, or a TypeError / RangeError. */
export function readOptions(options: GradientCheckOptions): Settings {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(
      `Cannot use ${
        describe(options)
      } as options: gradientCheck() expects an object`,
    );
  }
  const settings: Settings = {
    eps: options.eps ?? 1e-6,
    rtol: options.rtol ?? 1e-3,
    atol: options.atol ?? 1e-5,
    seed: options.seed ?? 0,
    mode: options.mode ?? "full",
    order: options.order ?? 1,
    kinks: options.kinks ?? "fail",
    secondPoint: options.secondPoint ?? true,
    nondeterministicTolerance: options.nondeterministicTolerance ?? 0,
  };
  const numbers = [
    ["eps", settings.eps],
    ["rtol", settings.rtol],
    ["atol", settings.atol],
    ["nondeterministicTolerance", settings.nondeterministicTolerance],
  ] as const;
  for (const [name, value] of numbers) {
    if (typeof value !== "number" || !(value >= 0) || !Number.isFinite(value)) {
      throw new RangeError(
        `Cannot use ${name} ${
          String(value)
        }: gradientCheck() expects a non-negative finite number`,
      );
    }
  }
  if (!(settings.eps > 0)) {
    throw new RangeError(
      "Cannot use eps 0: gradientCheck() expects a positive step",
    );
  }
  if (!Number.isInteger(settings.seed)) {
    throw new RangeError(
      `Cannot use seed ${
        String(settings.seed)
      }: gradientCheck() expects an integer`,
    );
  }
  if (typeof settings.secondPoint !== "boolean") {
    throw new TypeError(
      `Cannot use secondPoint ${
        describe(settings.secondPoint)
      }: gradientCheck() expects true or false`,
    );
  }
  const choices = [
    ["mode", settings.mode, ["full", "fast"]],
    ["order", settings.order, [1, 2]],
    ["kinks", settings.kinks, ["fail", "skip"]],
  ] as const;
  for (const [name, value, allowed] of choices) {
    if (!(allowed as readonly unknown[]).includes(value)) {
      throw new RangeError(
        `Cannot use ${name} ${JSON.stringify(value)}: gradientCheck() expects ${
          allowed.map((a) => JSON.stringify(a)).join(" or ")
        }`,
      );
    }
  }
  return settings;
}
