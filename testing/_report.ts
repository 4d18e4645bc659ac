// What a gradient check says: the compared elements, the failure message with
// its table of the worst ones, and the footer that replays the run.

import { AssertionError } from "node:assert";
import type { GradientCheckElement } from "./gradient_check.ts";
import type { Settings } from "./_options.ts";

/** How many elements a failure message shows. */
export const WORST_SHOWN = 5;

/** What a failure message needs to say where it happened and how to replay it. */
export class Reporter {
  /** Which point is being checked: the given one or the moved one. */
  point: "given" | "moved" = "given";
  /** Warnings gathered so far (atol dominates, moved point skipped). */
  readonly warnings: string[] = [];

  constructor(
    /** The checked function's name in messages. */
    readonly label: string,
    /**
     * The name of each input by its position among the arguments: `input
     * 0`, or at order 2 `upstream gradient 0` after the inputs.
     */
    readonly inputNames: string[],
    readonly settings: Settings,
  ) {}

  /** Throw the AssertionError of a failed check. */
  fail(message: string, count = ""): never {
    const { seed, eps, rtol, atol, order } = this.settings;
    const where = this.point === "moved"
      ? "at the moved point (the given point passed); "
      : "";
    const notes = this.warnings.map((w) => `\nNote: ${w}`).join("");
    const replay = order === 2 ? ", order 2" : "";
    throw new AssertionError({
      message:
        `Gradient check of ${this.label} failed: ${message}${notes}\n(${where}${count}seed ${seed}${replay}, eps ${eps}, rtol ${rtol}, atol ${atol})`,
    });
  }

  /** Add a warning, once. */
  warn(warning: string): void {
    if (!this.warnings.includes(warning)) this.warnings.push(warning);
  }

  /** `input 0 at index [2]`, `upstream gradient 1 at index [0,1]`. */
  where(input: number, index: readonly number[]): string {
    return `${this.inputNames[input]} at index [${index.join(",")}]`;
  }
}

/** One comparison of a backprop gradient with a numerical one. */
export function compare(
  output: number | null,
  input: number,
  index: number[],
  backprop: number,
  numerical: number,
): GradientCheckElement {
  const absoluteError = Math.abs(backprop - numerical);
  return {
    output,
    input,
    index,
    backprop,
    numerical,
    absoluteError,
    relativeError: numerical === 0
      ? (absoluteError === 0 ? 0 : Infinity)
      : absoluteError / Math.abs(numerical),
  };
}

/** The worst elements as a small right-aligned table. */
export function table(
  elements: GradientCheckElement[],
  inputNames: string[],
): string {
  const rows = [[
    "output",
    "input",
    "index",
    "backprop",
    "numerical",
    "abs error",
    "rel error",
  ]];
  for (const e of elements) {
    rows.push([
      e.output === null ? "all" : String(e.output),
      inputNames[e.input].replace(/^input /, "").replace(
        /^upstream gradient /,
        "gy ",
      ),
      `[${e.index.join(",")}]`,
      e.backprop.toPrecision(8),
      e.numerical.toPrecision(8),
      e.absoluteError.toPrecision(3),
      e.relativeError.toPrecision(3),
    ]);
  }
  const widths = rows[0].map((_, c) =>
    Math.max(...rows.map((row) => row[c].length))
  );
  return rows.map((row) =>
    "  " + row.map((cell, c) => cell.padStart(widths[c])).join("  ")
  ).join("\n");
}

/** The warning of a check in which atol, not rtol, decides every comparison. */
export function atolWarning(atol: number): string {
  return `every gradient compared is below atol ${atol}, so atol decides the comparison and a relative error of any size could pass; scale the function or its inputs up, or pass a smaller atol`;
}
