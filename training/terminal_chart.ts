import { describe } from "../core/_describe.ts";

/**
 * Options of {@linkcode terminalChart}.
 *
 * @example
 * ```ts
 * import { terminalChart } from "@dezero/core/training";
 * import assert from "node:assert/strict";
 *
 * const chart = terminalChart([3, 2, 1.5, 1.2, 1], { height: 4, width: 5 });
 * const tall = terminalChart([3, 2, 1.5, 1.2, 1], { height: 8, width: 5 });
 * assert.ok(tall.split("\n").length > chart.split("\n").length);
 * ```
 */
export interface TerminalChartOptions {
  /** Rows above the lowest one; default 10. */
  height?: number;
  /** Most columns of the curve; longer series are averaged down. Default 60. */
  width?: number;
  /** Digits after the point in the axis labels; default 2. */
  decimals?: number;
}

const caller = "terminalChart()";

/**
 * Draw a series (the loss per epoch, say) as a line chart in text, with
 * box-drawing characters and a labelled vertical axis, in the manner of
 * `asciichart`: print it at the end of training.
 *
 * @param series The values, left to right; finite numbers.
 * @param options Height, width and label digits.
 * @returns The chart's lines joined by `"\n"`, without a final newline.
 *
 * @example A falling loss
 * ```ts
 * import { terminalChart } from "@dezero/core/training";
 * import assert from "node:assert/strict";
 *
 * const chart = terminalChart([3, 2, 1, 0], { height: 3, decimals: 0 });
 * assert.equal(chart, [
 *   "3 ┼╮  ",
 *   "2 ┤╰╮ ",
 *   "1 ┤ ╰╮",
 *   "0 ┤  ╰",
 * ].join("\n"));
 * ```
 */
export function terminalChart(
  series: readonly number[],
  options: TerminalChartOptions = {},
): string {
  if (!Array.isArray(series) && !ArrayBuffer.isView(series)) {
    throw new TypeError(
      `Cannot chart ${describe(series)}: ${caller} expects an array of numbers`,
    );
  }
  const values = Array.from(series as ArrayLike<number>);
  const bad = values.findIndex((v) => typeof v !== "number" || !isFinite(v));
  if (bad >= 0) {
    throw new TypeError(
      `Cannot chart ${
        describe(values[bad])
      } at index ${bad}: ${caller} expects finite numbers`,
    );
  }
  if (values.length === 0) {
    throw new RangeError(
      `Cannot chart an empty series: ${caller} expects values`,
    );
  }
  const height = whole("height", options.height ?? 10, 1);
  const width = whole("width", options.width ?? 60, 1);
  const decimals = whole("decimals", options.decimals ?? 2, 0);
  const points = shrink(values, width);
  const min = Math.min(...points);
  const max = Math.max(...points);
  const range = max - min;
  // Row 0 is the bottom; a flat series sits on the middle row.
  const rowOf = (v: number): number =>
    range === 0
      ? Math.floor(height / 2)
      : Math.round((v - min) / range * height);
  const grid = Array.from(
    { length: height + 1 },
    () => new Array<string>(Math.max(points.length - 1, 1)).fill(" "),
  );
  const put = (row: number, column: number, char: string): void => {
    grid[height - row][column] = char;
  };
  for (let x = 0; x + 1 < points.length; x++) {
    const from = rowOf(points[x]);
    const to = rowOf(points[x + 1]);
    if (from === to) {
      put(from, x, "─");
      continue;
    }
    put(to, x, to > from ? "╭" : "╰");
    put(from, x, to > from ? "╯" : "╮");
    for (let row = Math.min(from, to) + 1; row < Math.max(from, to); row++) {
      put(row, x, "│");
    }
  }
  if (points.length === 1) put(rowOf(points[0]), 0, "─");
  const labels = grid.map((_, r) =>
    (range === 0 ? max : max - r * range / height).toFixed(decimals)
  );
  const pad = Math.max(...labels.map((label) => label.length));
  const start = height - rowOf(points[0]);
  return grid.map((row, r) =>
    `${labels[r].padStart(pad)} ${r === start ? "┼" : "┤"}${row.join("")}`
  ).join("\n");
}

// Average a long series down to at most `width` points.
function shrink(values: number[], width: number): number[] {
  if (values.length <= width) return values;
  return Array.from({ length: width }, (_, i) => {
    const from = Math.floor(i * values.length / width);
    const to = Math.floor((i + 1) * values.length / width);
    let sum = 0;
    for (let j = from; j < to; j++) sum += values[j];
    return sum / (to - from);
  });
}

function whole(name: string, value: unknown, low: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < low) {
    throw new RangeError(
      `Cannot use ${name} ${
        describe(value)
      }: ${caller} expects an integer of at least ${low}`,
    );
  }
  return value;
}
