import { formatShape, zerosOf } from "../core/_ndarray.ts";
import { Parameter } from "../core/parameter.ts";
import type { Variable } from "../core/variable.ts";
import { conv2d } from "../functions/conv2d.ts";
import type { Pair } from "../functions/pair.ts";
import {
  checkChannels,
  checkImages,
  readConvArguments,
} from "./_conv_layer.ts";
import { scaledNormal } from "./_init.ts";
import { Layer } from "./layer.ts";

/**
 * Options of {@linkcode Conv2d} and {@linkcode Deconv2d}.
 *
 * @example
 * ```ts
 * import { array } from "@dezero/core";
 * import { Conv2d } from "@dezero/core/layers";
 * import assert from "node:assert/strict";
 *
 * // A 3×3 kernel with padding 1 and stride 1 keeps a 4×4 image 4×4.
 * const conv = new Conv2d(2, 3, { stride: 1, pad: 1, inChannels: 1 });
 * const row = [1, 2, 3, 4];
 * const y = conv.call(array([[[row, row, row, row]]]));
 * assert.deepEqual([...y.shape], [1, 2, 4, 4]);
 * ```
 */
export interface Conv2dOptions {
  /** The step between windows: an integer or `[height, width]` (default 1). */
  stride?: Pair;
  /** Zeros added on each side: an integer or `[height, width]` (default 0). */
  pad?: Pair;
  /** Leave out the bias (default `false`). */
  nobias?: boolean;
  /**
   * The input's channel count `C`. Default: taken from the first input,
   * which is when the filters are drawn.
   */
  inChannels?: number;
  /** The element type; only `"float64"` (the default) is supported. */
  dtype?: "float64";
}

/**
 * A 2-d convolution layer (DeZero's `L.Conv2d`): `conv2d(x, W, b, stride,
 * pad)` on NCHW images with filters W of shape `[OC, C, KH, KW]` drawn as
 * standard normal values times √(1 / (C·KH·KW)) from the global generator,
 * and a bias b of zeros, `[OC]`. Without `inChannels`, W is drawn on the
 * first call from the input's channel count; later inputs must have as
 * many channels.
 *
 * @example Lazy input channels, 3x3 filters with padding 1
 * ```ts
 * import { zeros } from "@dezero/core";
 * import { Conv2d } from "@dezero/core/layers";
 * import assert from "node:assert/strict";
 *
 * const layer = new Conv2d(8, 3, { pad: 1 });
 * assert.equal(layer.W.hasData, false);
 * const y = layer.call(zeros([2, 3, 28, 28]));
 * assert.deepEqual(y.shape, [2, 8, 28, 28]);
 * assert.deepEqual(layer.W.shape, [8, 3, 3, 3]);
 * assert.equal(layer.inChannels, 3);
 * assert.throws(() => layer.call(zeros([2, 1, 28, 28])), TypeError);
 * ```
 */
export class Conv2d extends Layer {
  /** The input's channel count `C`, `null` until known. */
  inChannels: number | null;
  /** The output's channel count `OC`. */
  readonly outChannels: number;
  /** The filters' height and width. */
  readonly kernelSize: readonly [number, number];
  /** The step between windows, `[height, width]`. */
  readonly stride: readonly [number, number];
  /** The zeros added on each side, `[height, width]`. */
  readonly pad: readonly [number, number];
  /** The element type. */
  readonly dtype: "float64";
  /** The filters, `[OC, C, KH, KW]`; empty until `C` is known. */
  W: Parameter;
  /** The bias, `[OC]`, or `null` with `nobias`. */
  b: Parameter | null;

  /**
   * Make a convolution layer.
   *
   * @param outChannels The output's channel count `OC`, a positive integer.
   * @param kernelSize The filters' size: an integer or `[height, width]`.
   * @param options `stride`, `pad`, `nobias`, `inChannels`, `dtype`.
   */
  constructor(
    outChannels: number,
    kernelSize: Pair,
    options: Conv2dOptions = {},
  ) {
    super();
    const settings = readConvArguments(
      "Conv2d",
      outChannels,
      kernelSize,
      options,
    );
    this.inChannels = settings.inChannels;
    this.outChannels = settings.outChannels;
    this.kernelSize = settings.kernelSize;
    this.stride = settings.stride;
    this.pad = settings.pad;
    this.dtype = settings.dtype;
    this.W = new Parameter(null, { name: "W" });
    if (this.inChannels !== null) this.#drawFilters(this.inChannels);
    this.b = settings.nobias
      ? null
      : new Parameter(zerosOf([this.outChannels]), { name: "b" });
  }

  /**
   * Convolve `x` with the filters and add the bias; draws the filters first
   * if the channel count was not known.
   *
   * @param x The input, `[N, C, H, W]`.
   * @returns The output, `[N, OC, OH, OW]` with `OH = floor((H + 2·PH -
   * KH) / SH) + 1` and likewise `OW`.
   */
  forward(x: Variable): Variable {
    const shape = x.shape;
    checkImages("Conv2d", shape);
    const [KH, KW] = this.kernelSize;
    const [PH, PW] = this.pad;
    const [paddedH, paddedW] = [shape[2] + 2 * PH, shape[3] + 2 * PW];
    if (KH > paddedH || KW > paddedW) {
      throw new RangeError(
        `Cannot apply Conv2d to an input of shape ${
          formatShape(shape)
        }: its ${KH}x${KW} kernel is larger than the padded input's ${paddedH}x${paddedW} (padding [${PH},${PW}])`,
      );
    }
    if (!this.W.hasData) {
      this.#drawFilters(shape[1]);
      this.inChannels = shape[1];
    }
    checkChannels("Conv2d", shape, this.W.shape, 1);
    return conv2d(x, this.W, this.b, this.stride, this.pad);
  }

  #drawFilters(channels: number): void {
    const [KH, KW] = this.kernelSize;
    this.W.data = scaledNormal(
      [this.outChannels, channels, KH, KW],
      channels * KH * KW,
    );
  }
}
