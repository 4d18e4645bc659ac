// Image helpers of VGG16.preprocess: reading an RGB(A) image given as an
// ndarray or as an ImageData-like object, and bilinear resizing.

import { describe } from "../core/_describe.ts";
import {
  type Float64NdArray,
  formatShape,
  isFloat64NdArray,
  zerosOf,
} from "../core/_ndarray.ts";

/**
 * An image as browsers' and decoders' `ImageData`: RGBA bytes, row by row.
 *
 * @example A 1x1 red pixel, as VGG16 sees it (BGR, mean subtracted)
 * ```ts
 * import { type RgbaImage, VGG16 } from "@dezero/core/models";
 * import assert from "node:assert/strict";
 *
 * const red: RgbaImage = { width: 1, height: 1, data: [255, 0, 0, 255] };
 * const x = VGG16.preprocess(red, { size: null });
 * assert.ok(Math.abs(x.get(2, 0, 0) - (255 - 123.68)) < 1e-9);
 * ```
 */
export interface RgbaImage {
  /** The width in pixels. */
  readonly width: number;
  /** The height in pixels. */
  readonly height: number;
  /** `width·height·4` values (red, green, blue, alpha), 0 to 255. */
  readonly data: ArrayLike<number>;
}

/** The pixel (row, column) of an image as a function returning [r, g, b]. */
export interface Pixels {
  height: number;
  width: number;
  at(row: number, column: number, channel: number): number;
}

/** Read an `[H, W, 3 or 4]` array or an ImageData-like object. */
export function readImage(caller: string, image: unknown): Pixels {
  if (isFloat64NdArray(image)) {
    const [H, W, C] = image.shape;
    if (image.shape.length !== 3 || (C !== 3 && C !== 4)) {
      throw new TypeError(
        `Cannot use an array of shape ${
          formatShape(image.shape)
        } as an image in ${caller}: expected [height, width, 3] (RGB) or [height, width, 4] (RGBA)`,
      );
    }
    return {
      height: H,
      width: W,
      at: (r, c, k) => image.get(r, c, k),
    };
  }
  const candidate = image as Partial<RgbaImage> | null;
  if (
    typeof candidate === "object" && candidate !== null &&
    Number.isInteger(candidate.width) && Number.isInteger(candidate.height) &&
    candidate.data !== undefined &&
    candidate.data.length === candidate.width! * candidate.height! * 4
  ) {
    const { width, height, data } = candidate as RgbaImage;
    return {
      height,
      width,
      at: (r, c, k) => data[(r * width + c) * 4 + k],
    };
  }
  throw new TypeError(
    `Cannot use ${
      describe(image)
    } as an image in ${caller}: expected a float64 array [height, width, 3 or 4] or an object with width, height and RGBA data`,
  );
}

/**
 * The image resized to `height` x `width` by bilinear interpolation with
 * pixel centres aligned (as PIL's BILINEAR when enlarging), as an
 * `[height, width, 3]` array of its RGB channels.
 */
export function resizeRgb(
  image: Pixels,
  height: number,
  width: number,
): Float64NdArray {
  const out = zerosOf([height, width, 3]);
  const data = out.data;
  const scaleH = image.height / height;
  const scaleW = image.width / width;
  let o = out.offset;
  for (let r = 0; r < height; r++) {
    const y = Math.min(Math.max((r + 0.5) * scaleH - 0.5, 0), image.height - 1);
    const r0 = Math.floor(y);
    const r1 = Math.min(r0 + 1, image.height - 1);
    const fy = y - r0;
    for (let c = 0; c < width; c++) {
      const x = Math.min(
        Math.max((c + 0.5) * scaleW - 0.5, 0),
        image.width - 1,
      );
      const c0 = Math.floor(x);
      const c1 = Math.min(c0 + 1, image.width - 1);
      const fx = x - c0;
      for (let k = 0; k < 3; k++) {
        const top = image.at(r0, c0, k) * (1 - fx) + image.at(r0, c1, k) * fx;
        const bottom = image.at(r1, c0, k) * (1 - fx) +
          image.at(r1, c1, k) * fx;
        data[o++] = top * (1 - fy) + bottom * fy;
      }
    }
  }
  return out;
}
