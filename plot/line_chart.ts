import { describe } from "../core/_describe.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import type { Variable } from "../mod.ts";
import { checkInteger, checkOptions, checkText, numbersOf } from "./_check.ts";
import { classColors } from "./_palette.ts";
import { renderSpec } from "./_vega.ts";

/**
 * Options of {@linkcode lineChart}.
 *
 * @example
 * ```ts
 * import { lineChart } from "@dezero/core/plot";
 * import assert from "node:assert/strict";
 *
 * const svg = await lineChart([3, 2, 1.5], { title: "Training loss", width: 200 });
 * assert.ok(svg.startsWith("<svg"));
 * assert.ok(svg.includes("Training loss"));
 * ```
 */
export interface LineChartOptions {
  /** A title above the chart. */
  title?: string;
  /** The horizontal axis' title; default `"epoch"`. */
  xTitle?: string;
  /** The vertical axis' title; default `"value"`. */
  yTitle?: string;
  /** The x of the first value; default 1 (epochs count from one). */
  xStart?: number;
  /** A logarithmic vertical axis, for losses over orders of magnitude. */
  logY?: boolean;
  /** The plot area's width in pixels; default 480. */
  width?: number;
  /** The plot area's height in pixels; default 300. */
  height?: number;
}

/**
 * One series: numbers as an array, a typed array, a 1-D ndarray or a Variable.
 *
 * @example
 * ```ts
 * import { array } from "@dezero/core";
 * import { lineChart, type Series } from "@dezero/core/plot";
 * import assert from "node:assert/strict";
 *
 * const curves: Record<string, Series> = {
 *   train: [3, 2, 1.5],
 *   test: array([3.5, 2.5, 2]),
 * };
 * const svg = await lineChart(curves);
 * assert.ok(svg.includes("train") && svg.includes("test"));
 * ```
 */
export type Series = ArrayLike<number> | Float64NdArray | Variable;

const caller = "lineChart()";

/**
 * Draw curves per epoch (loss, accuracy) as an SVG line chart with Vega-Lite:
 * one line per named series, a legend when there are several, and axis
 * titles. Values that are not finite (a loss that diverged) leave gaps.
 *
 * @param series One series of numbers, or several by name, e.g.
 * `{ train: [...], test: [...] }`; arrays, typed arrays, 1-D ndarrays or
 * Variables.
 * @param options Titles, first x, log scale and size.
 * @returns A promise of the SVG document as a string.
 *
 * @example Train and test loss over three epochs
 * ```ts
 * import { lineChart } from "@dezero/core/plot";
 * import assert from "node:assert/strict";
 *
 * const svg = await lineChart(
 *   { train: [1.2, 0.7, 0.4], test: [1.3, 0.9, 0.8] },
 *   { yTitle: "loss" },
 * );
 * assert.match(svg, /^<svg /);
 * assert.equal(svg.match(/aria-roledescription="line mark"/g)?.length, 2);
 * assert.match(svg, />loss<\/text>/);
 * assert.match(svg, />epoch<\/text>/);
 * ```
 */
export function lineChart(
  series: Series | Record<string, Series>,
  options?: LineChartOptions,
): Promise<string> {
  try {
    const opts = checkOptions(caller, options);
    const named = namedSeries(series);
    const xStart = opts.xStart ?? 1;
    if (typeof xStart !== "number" || !Number.isFinite(xStart)) {
      throw new TypeError(
        `Cannot use xStart ${describe(xStart)}: ${caller} expects a number`,
      );
    }
    const names = named.map(([name]) => name);
    const rows = named.flatMap(([name, values]) =>
      Array.from(values, (y, i) => ({
        x: xStart + i,
        y: Number.isFinite(y) ? y : null,
        series: name,
      }))
    );
    const title = checkText(caller, "title", opts.title, undefined);
    return renderSpec({
      ...(title === undefined ? {} : { title }),
      width: checkInteger(caller, "width", opts.width, 480),
      height: checkInteger(caller, "height", opts.height, 300),
      background: "white",
      data: { values: rows },
      mark: { type: "line", strokeWidth: 2 },
      encoding: {
        x: {
          field: "x",
          type: "quantitative",
          title: checkText(caller, "xTitle", opts.xTitle, "epoch"),
          axis: { tickMinStep: 1 },
          scale: { nice: false, zero: false },
        },
        y: {
          field: "y",
          type: "quantitative",
          title: checkText(caller, "yTitle", opts.yTitle, "value"),
          scale: opts.logY ? { type: "log" } : { zero: false },
        },
        color: {
          field: "series",
          type: "nominal",
          title: null,
          sort: names,
          scale: { domain: names, range: names.map((_, i) => colorOf(i)) },
          legend: names.length > 1 ? {} : null,
        },
      },
    });
  } catch (error) {
    return Promise.reject(error);
  }
}

function colorOf(index: number): string {
  return classColors[index % classColors.length];
}

// [name, values] pairs; one unnamed series is called "value".
function namedSeries(series: unknown): [string, Float64Array][] {
  const isList = Array.isArray(series) || ArrayBuffer.isView(series) ||
    (typeof series === "object" && series !== null &&
      "shape" in series);
  if (isList) return [["value", valuesOf("series", series)]];
  if (typeof series !== "object" || series === null) {
    throw new TypeError(
      `Cannot draw ${
        describe(series)
      }: ${caller} expects an array of numbers or an object of them by name`,
    );
  }
  const pairs = Object.entries(series).map(([name, values]): [
    string,
    Float64Array,
  ] => [name, valuesOf(`series "${name}"`, values)]);
  if (pairs.length === 0) {
    throw new RangeError(
      `Cannot draw no series: ${caller} expects at least one`,
    );
  }
  return pairs;
}

function valuesOf(what: string, value: unknown): Float64Array {
  const { values, shape } = numbersOf(caller, what, value);
  if (shape.length !== 1 || values.length === 0) {
    throw new RangeError(
      `Cannot draw ${what} of shape [${shape}]: ${caller} expects a non-empty list of numbers`,
    );
  }
  return values;
}
