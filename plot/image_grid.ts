import type { Float64NdArray } from "../core/_ndarray.ts";
import { describe } from "../core/_describe.ts";
import type { Variable } from "../mod.ts";
import { checkInteger, checkOptions, checkText, numbersOf } from "./_check.ts";
import { encodeGrayPng, toBase64 } from "./_png.ts";
import { renderSpec } from "./_vega.ts";

/**
 * Options of {@linkcode imageGrid}.
 *
 * @example Two images in one row, with captions
 * ```ts
 * import { array } from "@dezero/core";
 * import { imageGrid, type ImageGridOptions } from "@dezero/core/plot";
 * import assert from "node:assert/strict";
 *
 * const options: ImageGridOptions = { columns: 2, labels: ["a", "b"], range: [0, 1] };
 * const svg = await imageGrid(array([[0, 1, 1, 0], [1, 0, 0, 1]]), options);
 * assert.match(svg, />a</);
 * assert.match(svg, />b</);
 * ```
 */
export interface ImageGridOptions {
  /** Images per row; default 10, or fewer when there are fewer images. */
  columns?: number;
  /** A caption under each image, such as its label or a prediction. */
  labels?: ArrayLike<number | string>;
  /** Screen pixels per image pixel; default 2. */
  scale?: number;
  /**
   * The values drawn black and white, `[low, high]`; by default the
   * smallest and largest value of all the images.
   */
  range?: readonly [number, number];
  /** A title above the grid. */
  title?: string;
}

const caller = "imageGrid()";
const gap = 4;
const captionHeight = 16;

/**
 * Draw greyscale images (MNIST digits) in a grid as SVG with Vega-Lite:
 * each image is an embedded PNG (a data URI, drawn without smoothing) with
 * an optional caption under it. Low values are black and high values
 * white, as `imshow(..., cmap="gray")` in the book.
 *
 * @param images Shape `[n, 1, h, w]`, `[n, h, w]`, or `[n, h*w]` for square
 * images (MNIST's flattened `[n, 784]` are 28 x 28).
 * @param options Columns, captions, scale and the value range.
 * @returns A promise of the SVG document as a string.
 *
 * @example Two 2 x 2 images with captions
 * ```ts
 * import { array } from "@dezero/core";
 * import { imageGrid } from "@dezero/core/plot";
 * import assert from "node:assert/strict";
 *
 * const images = array([[0, 1, 1, 0], [1, 0, 0, 1]]);
 * const svg = await imageGrid(images, { labels: ["a", "b"], scale: 8 });
 * assert.equal(svg.match(/<image /g)?.length, 2);
 * assert.match(svg, /href="data:image\/png;base64,/);
 * assert.match(svg, />a<\/text>/);
 * ```
 */
export function imageGrid(
  images: Float64NdArray | Variable,
  options?: ImageGridOptions,
): Promise<string> {
  try {
    const opts = checkOptions(caller, options);
    const { values, shape } = numbersOf(caller, "images", images);
    const [n, height, width] = sizesOf(shape);
    const columns = Math.min(
      checkInteger(caller, "columns", opts.columns, 10),
      n,
    );
    const scale = checkInteger(caller, "scale", opts.scale, 2);
    const labels = labelsOf(opts.labels, n);
    const [low, high] = rangeOf(opts.range, values);
    const pixels = height * width;
    const cellWidth = width * scale + gap;
    const cellHeight = height * scale + gap +
      (labels === undefined ? 0 : captionHeight);
    const rows = Array.from({ length: n }, (_, i) => {
      const grey = new Uint8Array(pixels);
      for (let p = 0; p < pixels; p++) {
        const t = (values[i * pixels + p] - low) / (high - low);
        grey[p] = Math.round(255 * Math.min(Math.max(t || 0, 0), 1));
      }
      const png = encodeGrayPng(grey, width, height);
      return {
        x: (i % columns) * cellWidth,
        y: Math.floor(i / columns) * cellHeight,
        url: `data:image/png;base64,${toBase64(png)}`,
        caption: labels?.[i] ?? "",
      };
    });
    const position = (field: string, offset: number) => ({
      field,
      type: "quantitative" as const,
      scale: null,
      axis: null,
      ...(offset === 0 ? {} : { offset }),
    });
    const title = checkText(caller, "title", opts.title, undefined);
    return renderSpec({
      ...(title === undefined ? {} : { title }),
      width: columns * cellWidth - gap,
      height: Math.ceil(n / columns) * cellHeight - gap,
      background: "white",
      config: { view: { stroke: null } },
      data: { values: rows },
      layer: [
        {
          mark: {
            type: "image",
            width: width * scale,
            height: height * scale,
            align: "left",
            baseline: "top",
            aspect: false,
            smooth: false,
            aria: false,
          },
          encoding: {
            x: position("x", 0),
            y: position("y", 0),
            url: { field: "url", type: "nominal" },
          },
        },
        ...(labels === undefined ? [] : [{
          mark: {
            type: "text" as const,
            align: "center" as const,
            baseline: "top" as const,
            dx: (width * scale) / 2,
            dy: height * scale + 2,
            fontSize: 11,
          },
          encoding: {
            x: position("x", 0),
            y: position("y", 0),
            text: { field: "caption", type: "nominal" as const },
          },
        }]),
      ],
    });
  } catch (error) {
    return Promise.reject(error);
  }
}

// [n, h, w] from the accepted shapes.
function sizesOf(shape: number[]): [number, number, number] {
  const [n] = shape;
  if (shape.length === 4 && shape[1] === 1) return [n, shape[2], shape[3]];
  if (shape.length === 3) return [n, shape[1], shape[2]];
  if (shape.length === 2) {
    const side = Math.round(Math.sqrt(shape[1]));
    if (side * side === shape[1]) return [n, side, side];
    throw new TypeError(
      `Cannot draw images of shape [${shape}]: ${caller} expects ${
        shape[1]
      } pixels to make a square, or shape [n, h, w]`,
    );
  }
  throw new TypeError(
    `Cannot draw images of shape [${shape}]: ${caller} expects shape [n, 1, h, w], [n, h, w] or [n, h*w]`,
  );
}

function labelsOf(
  labels: unknown,
  n: number,
): (number | string)[] | undefined {
  if (labels === undefined) return undefined;
  const list = Array.isArray(labels) || ArrayBuffer.isView(labels)
    ? Array.from(labels as ArrayLike<unknown>)
    : undefined;
  if (list === undefined || list.length !== n) {
    throw new TypeError(
      `Cannot use labels ${
        describe(labels)
      }: ${caller} expects one number or string for each of ${n} images`,
    );
  }
  return list.map(String);
}

function rangeOf(range: unknown, values: Float64Array): [number, number] {
  if (range === undefined) {
    let low = Infinity;
    let high = -Infinity;
    for (const v of values) {
      if (v < low) low = v;
      if (v > high) high = v;
    }
    return high > low ? [low, high] : [low, low + 1];
  }
  if (
    !Array.isArray(range) || range.length !== 2 ||
    !(typeof range[0] === "number" && range[1] > range[0])
  ) {
    throw new RangeError(
      `Cannot use range ${
        describe(range)
      }: ${caller} expects [low, high] with low < high`,
    );
  }
  return [range[0], range[1]];
}
