import { describe } from "../core/_describe.ts";
import { zerosOf } from "../core/_ndarray.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import type { Variable } from "../mod.ts";
import { checkInteger, checkOptions, checkText, numbersOf } from "./_check.ts";
import { classColors, lighten } from "./_palette.ts";
import { renderSpec } from "./_vega.ts";

/**
 * Options of {@linkcode scatterWithRegions}.
 *
 * @example Points only, with a title
 * ```ts
 * import { array } from "@dezero/core";
 * import {
 *   scatterWithRegions,
 *   type ScatterWithRegionsOptions,
 * } from "@dezero/core/plot";
 * import assert from "node:assert/strict";
 *
 * const options: ScatterWithRegionsOptions = { title: "two points" };
 * const svg = await scatterWithRegions(array([[0, 0], [1, 1]]), [0, 1], options);
 * assert.match(svg, />two points</);
 * ```
 */
export interface ScatterWithRegionsOptions {
  /**
   * The classifier: given points of shape `[m, 2]`, the class of each, for
   * example the argmax of a model's output. Without it only the points are
   * drawn.
   */
  classify?: (
    points: Float64NdArray,
  ) => ArrayLike<number> | Float64NdArray | Variable;
  /** Grid cells along each axis where `classify` is asked; default 100. */
  resolution?: number;
  /** Space around the points, in data units; default 0.1 as the book. */
  padding?: number;
  /** A title above the chart. */
  title?: string;
  /** The horizontal axis' title; default `"x0"`. */
  xTitle?: string;
  /** The vertical axis' title; default `"x1"`. */
  yTitle?: string;
  /** The plot area's width in pixels; default 400. */
  width?: number;
  /** The plot area's height in pixels; default 400. */
  height?: number;
}

const caller = "scatterWithRegions()";
const shapes = ["circle", "cross", "triangle-up", "square", "diamond"];

/**
 * Draw 2-D points coloured by class over the regions a classifier gives
 * each class, as the book's figure for step 48 (the spiral data set and
 * the decision boundary the network learned), as SVG with Vega-Lite.
 * The classifier is asked once, for the centres of a grid of cells; each
 * row of equal cells becomes one rectangle.
 *
 * @param points The points, shape `[n, 2]` (a float64 ndarray or Variable).
 * @param labels Their classes, `n` integers from 0.
 * @param options The classifier, grid resolution, titles and size.
 * @returns A promise of the SVG document as a string.
 *
 * @example Two points split by the line x0 = 0
 * ```ts
 * import { array, toFloat64Array } from "@dezero/core";
 * import { scatterWithRegions } from "@dezero/core/plot";
 * import assert from "node:assert/strict";
 *
 * const svg = await scatterWithRegions(array([[-1, 0], [1, 0.5]]), [0, 1], {
 *   classify: (grid) =>
 *     Array.from(toFloat64Array(grid).filter((_, i) => i % 2 === 0))
 *       .map((x0) => (x0 < 0 ? 0 : 1)),
 *   resolution: 10,
 * });
 * assert.equal(svg.match(/aria-roledescription="point"/g)?.length, 2);
 * // Each of the 10 rows: one rectangle left of 0, one right.
 * const regions = svg.match(/<g class="mark-rect role-mark[^>]*>(.*?)<\/g>/);
 * assert.equal(regions?.[1].match(/<path /g)?.length, 20);
 * ```
 */
export function scatterWithRegions(
  points: Float64NdArray | Variable,
  labels: ArrayLike<number> | Float64NdArray | Variable,
  options?: ScatterWithRegionsOptions,
): Promise<string> {
  try {
    const opts = checkOptions(caller, options);
    const xy = numbersOf(caller, "points", points);
    if (xy.shape.length !== 2 || xy.shape[1] !== 2 || xy.shape[0] === 0) {
      throw new TypeError(
        `Cannot draw points of shape [${xy.shape}]: ${caller} expects shape [n, 2] with n > 0`,
      );
    }
    const n = xy.shape[0];
    const classes = classesOf("labels", labels, n);
    const resolution = checkInteger(
      caller,
      "resolution",
      opts.resolution,
      100,
    );
    const padding = opts.padding ?? 0.1;
    if (typeof padding !== "number" || !(padding >= 0)) {
      throw new RangeError(
        `Cannot use padding ${
          describe(padding)
        }: ${caller} expects a non-negative number`,
      );
    }
    if (opts.classify !== undefined && typeof opts.classify !== "function") {
      throw new TypeError(
        `Cannot use classify ${
          describe(opts.classify)
        }: ${caller} expects a function`,
      );
    }
    const box = bounds(xy.values, padding);
    const rows = Array.from({ length: n }, (_, i) => ({
      x: xy.values[2 * i],
      y: xy.values[2 * i + 1],
      class: String(classes[i]),
    }));
    const regions = opts.classify === undefined
      ? []
      : regionsOf(opts.classify, box, resolution);
    const seen = [...new Set([...classes, ...regions.map((r) => r.k)])]
      .sort((a, b) => a - b);
    const domain = seen.map(String);
    // Both layers share the axes, so both carry the same titles.
    const x = {
      type: "quantitative" as const,
      title: checkText(caller, "xTitle", opts.xTitle, "x0"),
      scale: { domain: [box.x0, box.x1], nice: false, zero: false },
    };
    const y = {
      type: "quantitative" as const,
      title: checkText(caller, "yTitle", opts.yTitle, "x1"),
      scale: { domain: [box.y0, box.y1], nice: false, zero: false },
    };
    const title = checkText(caller, "title", opts.title, undefined);
    return renderSpec({
      ...(title === undefined ? {} : { title }),
      width: checkInteger(caller, "width", opts.width, 400),
      height: checkInteger(caller, "height", opts.height, 400),
      background: "white",
      layer: [
        {
          data: {
            values: regions.map((r) => ({
              ...r,
              fill: lighten(classColors[r.k % classColors.length], 0.7),
            })),
          },
          mark: { type: "rect", strokeWidth: 0.5, aria: false },
          encoding: {
            x: { field: "x", ...x },
            x2: { field: "x2" },
            y: { field: "y", ...y },
            y2: { field: "y2" },
            fill: { field: "fill", type: "nominal", scale: null },
            stroke: { field: "fill", type: "nominal", scale: null },
          },
        },
        {
          data: { values: rows },
          mark: { type: "point", filled: true, size: 40, opacity: 0.9 },
          encoding: {
            x: { field: "x", ...x },
            y: { field: "y", ...y },
            color: {
              field: "class",
              type: "nominal",
              scale: {
                domain,
                range: seen.map((k) => classColors[k % classColors.length]),
              },
            },
            shape: {
              field: "class",
              type: "nominal",
              scale: {
                domain,
                range: seen.map((k) => shapes[k % shapes.length]),
              },
            },
          },
        },
      ],
    });
  } catch (error) {
    return Promise.reject(error);
  }
}

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

function bounds(values: Float64Array, padding: number): Box {
  const box = { x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity };
  for (let i = 0; i < values.length; i += 2) {
    box.x0 = Math.min(box.x0, values[i]);
    box.x1 = Math.max(box.x1, values[i]);
    box.y0 = Math.min(box.y0, values[i + 1]);
    box.y1 = Math.max(box.y1, values[i + 1]);
  }
  if (![box.x0, box.x1, box.y0, box.y1].every(Number.isFinite)) {
    throw new RangeError(`Cannot draw points that are not finite in ${caller}`);
  }
  // A zero-width range would collapse the scale: widen it by one unit.
  const pad = (low: number, high: number): [number, number] =>
    high > low
      ? [low - padding, high + padding]
      : [low - padding - 0.5, high + padding + 0.5];
  [box.x0, box.x1] = pad(box.x0, box.x1);
  [box.y0, box.y1] = pad(box.y0, box.y1);
  return box;
}

interface Region {
  x: number;
  x2: number;
  y: number;
  y2: number;
  k: number;
}

// Ask the classifier for every cell centre at once, then merge each row's
// runs of equal class into one rectangle.
function regionsOf(
  classify: NonNullable<ScatterWithRegionsOptions["classify"]>,
  box: Box,
  resolution: number,
): Region[] {
  const dx = (box.x1 - box.x0) / resolution;
  const dy = (box.y1 - box.y0) / resolution;
  const grid = zerosOf([resolution * resolution, 2]);
  for (let row = 0; row < resolution; row++) {
    for (let column = 0; column < resolution; column++) {
      const i = row * resolution + column;
      grid.set(i, 0, box.x0 + (column + 0.5) * dx);
      grid.set(i, 1, box.y0 + (row + 0.5) * dy);
    }
  }
  const classes = classesOf(
    "the classifier's result",
    classify(grid),
    resolution * resolution,
  );
  const regions: Region[] = [];
  for (let row = 0; row < resolution; row++) {
    let start = 0;
    for (let column = 1; column <= resolution; column++) {
      const k = classes[row * resolution + start];
      if (column < resolution && classes[row * resolution + column] === k) {
        continue;
      }
      regions.push({
        x: box.x0 + start * dx,
        x2: box.x0 + column * dx,
        y: box.y0 + row * dy,
        y2: box.y0 + (row + 1) * dy,
        k,
      });
      start = column;
    }
  }
  return regions;
}

function classesOf(what: string, value: unknown, n: number): number[] {
  const { values } = numbersOf(caller, what, value);
  if (values.length !== n) {
    throw new TypeError(
      `Cannot use ${what} of ${values.length} values: ${caller} expects one class for each of ${n} points`,
    );
  }
  const bad = values.findIndex((k) => !Number.isInteger(k) || k < 0);
  if (bad >= 0) {
    throw new RangeError(
      `Cannot use class ${
        values[bad]
      } at index ${bad} of ${what}: ${caller} expects integers from 0`,
    );
  }
  return Array.from(values);
}
