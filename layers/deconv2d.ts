import { formatShape, zerosOf } from "../core/_ndarray.ts";
import { Parameter } from "../core/parameter.ts";
import type { Variable } from "../core/variable.ts";
import { deconv2d } from "../functions/deconv2d.ts";
import type { Pair } from "../functions/pair.ts";
import {
  checkChannels,
  checkImages,
  readConvArguments,
} from "./_conv_layer.ts";
import type { Conv2dOptions } from "./conv2d.ts";
import { scaledNormal } from "./_init.ts";
import { Layer } from "./layer.ts";

/**
 * A 2-d transposed convolution layer (DeZero's `L.Deconv2d`, PyTorch's
 * `ConvTranspose2d`): `deconv2d(x, W, b, stride, pad)` on NCHW images with
 * filters W of shape `[C, OC, KH, KW]` drawn as standard normal values times
 * √(1 / (C·KH·KW)) from the global generator, as DeZero does, and a bias b
 * of zeros, `[OC]`. The output is `[N, OC, SH·(H - 1) + KH - 2·PH, ...]`.
 * Without `inChannels`, W is drawn on the first call.
 *
 * @example Doubling the image size with stride 2
 * ```ts
 * import { zeros } from "@dezero/core";
 * import { Deconv2d } from "@dezero/core/layers";
 * import assert from "node:assert/strict";
 *
 * const layer = new Deconv2d(4, 4, { stride: 2, pad: 1 });
 * const y = layer.call(zeros([1, 8, 7, 7]));
 * assert.deepEqual(y.shape, [1, 4, 14, 14]);
 * assert.deepEqual(layer.W.shape, [8, 4, 4, 4]);
 * ```
 */
export class Deconv2d extends Layer {
  /** The input's channel count `C`, `null` until known. */
  inChannels: number | null;
  /** The output's channel count `OC`. */
  readonly outChannels: number;
  /** The filters' height and width. */
  readonly kernelSize: readonly [number, number];
  /** The step between the input's pixels in the output, `[height, width]`. */
  readonly stride: readonly [number, number];
  /** The rows and columns cropped from each side, `[height, width]`. */
  readonly pad: readonly [number, number];
  /** The element type. */
  readonly dtype: "float64";
  /** The filters, `[C, OC, KH, KW]`; empty until `C` is known. */
  W: Parameter;
  /** The bias, `[OC]`, or `null` with `nobias`. */
  b: Parameter | null;

  /**
   * Make a transposed convolution layer.
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
      "Deconv2d",
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
   * The transposed convolution of `x` with the filters, plus the bias;
   * draws the filters first if the channel count was not known.
   *
   * @param x The input, `[N, C, H, W]`.
   * @returns The output, `[N, OC, SH·(H - 1) + KH - 2·PH, SW·(W - 1) + KW -
   * 2·PW]`.
   */
  forward(x: Variable): Variable {
    const shape = x.shape;
    checkImages("Deconv2d", shape);
    const [KH, KW] = this.kernelSize;
    const [SH, SW] = this.stride;
    const [PH, PW] = this.pad;
    const outH = SH * (shape[2] - 1) + KH - 2 * PH;
    const outW = SW * (shape[3] - 1) + KW - 2 * PW;
    if (outH < 1 || outW < 1) {
      throw new RangeError(
        `Cannot apply Deconv2d to an input of shape ${
          formatShape(shape)
        }: with its ${KH}x${KW} kernel, stride [${SH},${SW}] and padding [${PH},${PW}] the output would be ${outH}x${outW}`,
      );
    }
    if (!this.W.hasData) {
      this.#drawFilters(shape[1]);
      this.inChannels = shape[1];
    }
    checkChannels("Deconv2d", shape, this.W.shape, 0);
    return deconv2d(x, this.W, this.b, this.stride, this.pad);
  }

  #drawFilters(channels: number): void {
    const [KH, KW] = this.kernelSize;
    this.W.data = scaledNormal(
      [channels, this.outChannels, KH, KW],
      channels * KH * KW,
    );
  }
}
