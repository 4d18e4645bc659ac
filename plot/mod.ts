/**
 * Plots of training written as SVG files: curves per epoch
 * ({@linkcode lineChart}), 2-D data over a classifier's decision regions
 * ({@linkcode scatterWithRegions}, the book's step 48 figure) and images in
 * a grid ({@linkcode imageGrid}, MNIST digits), saved with
 * {@linkcode savePlot}. Vega-Lite describes each chart and Vega renders it
 * headless, without a browser, a canvas or the network; both load on the
 * first plot, so importing this module costs nothing until then.
 *
 * @example Loss and accuracy per epoch
 * ```ts
 * import { lineChart } from "@dezero/core/plot";
 * import assert from "node:assert/strict";
 *
 * const svg = await lineChart(
 *   { loss: [0.9, 0.5, 0.3, 0.2], accuracy: [0.6, 0.8, 0.9, 0.95] },
 *   { title: "Training" },
 * );
 * const lines = svg.match(/aria-roledescription="line mark" d="[^"]*"/g);
 * assert.equal(lines?.length, 2);
 * // Four epochs: a move and three line segments per curve.
 * assert.equal(lines?.[0].match(/[ML]/g)?.length, 4);
 * ```
 *
 * @module
 */
export * from "./image_grid.ts";
export * from "./line_chart.ts";
export * from "./save_plot.ts";
export * from "./scatter_with_regions.ts";
