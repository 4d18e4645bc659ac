import { describe } from "../core/_describe.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import { zerosOf } from "../core/_ndarray.ts";
import type { Variable } from "../core/variable.ts";
import { dropout } from "../functions/dropout.ts";
import { pooling } from "../functions/pooling.ts";
import { relu } from "../functions/relu.ts";
import { reshape } from "../functions/reshape.ts";
import { getFile, type GetFileOptions } from "../io/get_file.ts";
import { Conv2d } from "../layers/conv2d.ts";
import { Linear } from "../layers/linear.ts";
import { readImage, resizeRgb, type RgbaImage } from "./_image.ts";
import { Model } from "./model.ts";

export type { RgbaImage } from "./_image.ts";

/**
 * Options of {@linkcode VGG16}: a narrower network for tests and experiments.
 *
 * @example A tiny VGG16 on 32x32 images
 * ```ts
 * import { zeros } from "@dezero/core";
 * import { VGG16, type VGG16Options } from "@dezero/core/models";
 * import assert from "node:assert/strict";
 *
 * const options: VGG16Options = { channels: [2, 2, 2, 2, 2], hidden: 8, classes: 3 };
 * const model = new VGG16(options);
 * assert.deepEqual(model.call(zeros([1, 3, 32, 32])).shape, [1, 3]);
 * ```
 */
export interface VGG16Options {
  /**
   * The output channels of the five convolution blocks (default DeZero's
   * `[64, 128, 256, 512, 512]`).
   */
  channels?: readonly [number, number, number, number, number];
  /** The size of fc6 and fc7 (default 4096). */
  hidden?: number;
  /** The number of classes, fc8's size (default 1000). */
  classes?: number;
}

/**
 * Options of {@linkcode VGG16.preprocess}.
 *
 * @example Keep the image's size
 * ```ts
 * import { VGG16, type PreprocessOptions } from "@dezero/core/models";
 * import assert from "node:assert/strict";
 *
 * const options: PreprocessOptions = { size: null };
 * const image = { width: 2, height: 1, data: [255, 0, 0, 255, 0, 0, 255, 255] };
 * assert.deepEqual(VGG16.preprocess(image, options).shape, [3, 1, 2]);
 * ```
 */
export interface PreprocessOptions {
  /** `[height, width]` to resize to, or `null` to keep the size (default `[224, 224]`). */
  size?: readonly [number, number] | null;
}

/** How many 3x3 convolutions each block has. */
const BLOCKS = [2, 2, 3, 3, 3] as const;
/** The BGR means that DeZero's (Caffe's) VGG16 subtracts. */
const BGR_MEAN = [103.939, 116.779, 123.68] as const;

/**
 * DeZero's `VGG16` (Simonyan and Zisserman, 2014): thirteen 3x3
 * convolutions with padding 1 and ReLU in five blocks, each block followed
 * by 2x2 max pooling with stride 2, then fc6 and fc7 (4096, ReLU and
 * dropout) and fc8 (1000 class scores), for `[N, 3, 224, 224]` images
 * prepared by {@linkcode VGG16.preprocess}. The parameters are named as in
 * DeZero's pretrained file `vgg16.npz` (`conv1_1/W`, ..., `fc8/b`), so
 * {@linkcode Layer.loadWeights} reads it; fetch it once with
 * {@linkcode VGG16.pretrained} or `getFile(VGG16.WEIGHTS_PATH)`. All weights
 * are drawn lazily on the first call (the full model has 138,357,544
 * parameters, 1.1 GB as float64); until then only the biases exist.
 *
 * @example A narrow VGG16 on a 32x32 image
 * ```ts
 * import { testMode, zeros } from "@dezero/core";
 * import { VGG16 } from "@dezero/core/models";
 * import assert from "node:assert/strict";
 *
 * const model = new VGG16({ channels: [2, 2, 4, 4, 4], hidden: 8, classes: 3 });
 * const y = testMode(() => model.call(zeros([1, 3, 32, 32])));
 * assert.deepEqual(y.shape, [1, 3]);
 * assert.deepEqual(model.fc6.W.shape, [4, 8]); // 4 channels of 1x1
 * assert.equal(new VGG16().flattenParams().size, 32);
 * ```
 */
export class VGG16 extends Model {
  /** Where DeZero's pretrained weights are published (528 MB, float32). */
  static readonly WEIGHTS_PATH: string =
    "https://github.com/koki0702/dezero-models/releases/download/v0.1/vgg16.npz";

  /** Block 1: 64 channels. */
  conv1_1: Conv2d;
  /** Block 1, second convolution. */
  conv1_2: Conv2d;
  /** Block 2: 128 channels. */
  conv2_1: Conv2d;
  /** Block 2, second convolution. */
  conv2_2: Conv2d;
  /** Block 3: 256 channels. */
  conv3_1: Conv2d;
  /** Block 3, second convolution. */
  conv3_2: Conv2d;
  /** Block 3, third convolution. */
  conv3_3: Conv2d;
  /** Block 4: 512 channels. */
  conv4_1: Conv2d;
  /** Block 4, second convolution. */
  conv4_2: Conv2d;
  /** Block 4, third convolution. */
  conv4_3: Conv2d;
  /** Block 5: 512 channels. */
  conv5_1: Conv2d;
  /** Block 5, second convolution. */
  conv5_2: Conv2d;
  /** Block 5, third convolution. */
  conv5_3: Conv2d;
  /** Fully connected, 4096 (input size from the first call: 25,088 at 224x224). */
  fc6: Linear;
  /** Fully connected, 4096. */
  fc7: Linear;
  /** The class scores, 1000. */
  fc8: Linear;
  #convolutions: Conv2d[];

  /**
   * Make the layers, with no weights drawn yet.
   *
   * @param options `channels`, `hidden`, `classes` (DeZero's sizes by default).
   */
  constructor(options: VGG16Options = {}) {
    super();
    const { channels, hidden, classes } = readOptions(options);
    const conv = (block: number): Conv2d =>
      new Conv2d(channels[block], 3, { stride: 1, pad: 1 });
    this.conv1_1 = conv(0);
    this.conv1_2 = conv(0);
    this.conv2_1 = conv(1);
    this.conv2_2 = conv(1);
    this.conv3_1 = conv(2);
    this.conv3_2 = conv(2);
    this.conv3_3 = conv(2);
    this.conv4_1 = conv(3);
    this.conv4_2 = conv(3);
    this.conv4_3 = conv(3);
    this.conv5_1 = conv(4);
    this.conv5_2 = conv(4);
    this.conv5_3 = conv(4);
    this.fc6 = new Linear(hidden);
    this.fc7 = new Linear(hidden);
    this.fc8 = new Linear(classes);
    this.#convolutions = [
      this.conv1_1,
      this.conv1_2,
      this.conv2_1,
      this.conv2_2,
      this.conv3_1,
      this.conv3_2,
      this.conv3_3,
      this.conv4_1,
      this.conv4_2,
      this.conv4_3,
      this.conv5_1,
      this.conv5_2,
      this.conv5_3,
    ];
  }

  /**
   * Make DeZero's VGG16 with its pretrained ImageNet weights, downloaded
   * into the cache (`~/.dezero/vgg16.npz`, 528 MB) on the first use, as
   * DeZero's `VGG16(pretrained=True)`. Needs `--allow-net`, `--allow-read`,
   * `--allow-write` for the cache and `--allow-env=HOME`.
   *
   * @param options Where to cache the file (see `getFile`).
   * @returns The model with the weights loaded.
   *
   * @example Not run here: it downloads 528 MB
   * ```ts ignore
   * import { noGrad, reshape, testMode } from "@dezero/core";
   * import { VGG16 } from "@dezero/core/models";
   *
   * const model = await VGG16.pretrained();
   * const x = reshape(VGG16.preprocess(imageData), [1, 3, 224, 224]);
   * const scores = noGrad(() => testMode(() => model.call(x)));
   * ```
   */
  static async pretrained(options: GetFileOptions = {}): Promise<VGG16> {
    const path = await getFile(VGG16.WEIGHTS_PATH, options);
    const model = new VGG16();
    model.loadWeights(path);
    return model;
  }

  /**
   * Prepare an RGB image as DeZero's `VGG16.preprocess`: resize to 224x224,
   * reorder the channels to BGR, subtract the mean pixel (103.939, 116.779,
   * 123.68) and move the channels first. The result is `[3, H, W]`; add the
   * batch axis with `reshape(x, [1, 3, H, W])`. Resizing is bilinear (DeZero
   * leaves it to PIL's default filter, so values can differ slightly).
   *
   * @param image An RGB(A) image: a float64 array `[height, width, 3 or 4]`
   * of values 0 to 255, or an ImageData-like `{ width, height, data }` with
   * RGBA bytes (what `jpeg-js` and canvases give).
   * @param options `size`: `[height, width]`, or `null` to keep the size.
   * @returns The image, `[3, height, width]`, BGR with the mean removed.
   *
   * @example
   * ```ts
   * import { full } from "@dezero/core";
   * import { VGG16 } from "@dezero/core/models";
   * import assert from "node:assert/strict";
   *
   * const gray = full([10, 20, 3], 128); // height 10, width 20, RGB
   * const x = VGG16.preprocess(gray);
   * assert.deepEqual(x.shape, [3, 224, 224]);
   * assert.ok(Math.abs(x.get(0, 5, 5) - (128 - 103.939)) < 1e-9); // blue
   * assert.ok(Math.abs(x.get(2, 5, 5) - (128 - 123.68)) < 1e-9); // red
   * ```
   */
  static preprocess(
    image: Float64NdArray | RgbaImage,
    options: PreprocessOptions = {},
  ): Float64NdArray {
    const pixels = readImage("VGG16.preprocess", image);
    const size = options.size === undefined ? [224, 224] : options.size;
    if (
      size !== null &&
      !(Array.isArray(size) && size.length === 2 &&
        size.every((v) => Number.isInteger(v) && v > 0))
    ) {
      throw new TypeError(
        `Cannot resize to ${
          describe(size)
        } in VGG16.preprocess: expected [height, width] of positive integers or null`,
      );
    }
    const [H, W] = size ?? [pixels.height, pixels.width];
    const rgb = resizeRgb(pixels, H, W);
    const out = zerosOf([3, H, W]);
    const data = out.data;
    for (let k = 0; k < 3; k++) {
      const source = 2 - k; // BGR from RGB
      let o = out.offset + k * H * W;
      for (let r = 0; r < H; r++) {
        for (let c = 0; c < W; c++) {
          data[o++] = rgb.get(r, c, source) - BGR_MEAN[k];
        }
      }
    }
    return out;
  }

  /**
   * The class scores; dropout after fc6 and fc7 unless in `testMode`.
   *
   * @param x Images, `[N, 3, H, W]` (224x224 for the pretrained weights).
   * @returns Scores, `[N, classes]`.
   */
  forward(x: Variable): Variable {
    let i = 0;
    for (const convolutions of BLOCKS) {
      for (let j = 0; j < convolutions; j++) {
        x = relu(this.#convolutions[i++].call(x));
      }
      x = pooling(x, 2, 2);
    }
    x = reshape(x, [x.shape[0], -1]);
    x = dropout(relu(this.fc6.call(x)));
    x = dropout(relu(this.fc7.call(x)));
    return this.fc8.call(x);
  }
}

function readOptions(options: VGG16Options): Required<VGG16Options> {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(
      `Cannot use ${
        describe(options)
      } as the options of VGG16: expected an object`,
    );
  }
  const {
    channels = [64, 128, 256, 512, 512],
    hidden = 4096,
    classes = 1000,
  } = options;
  if (
    !Array.isArray(channels) || channels.length !== 5 ||
    !channels.every((c) => Number.isInteger(c) && c > 0)
  ) {
    throw new TypeError(
      `Cannot use ${
        describe(channels)
      } as the channels of VGG16: expected five positive integers, one per block`,
    );
  }
  for (const [name, value] of [["hidden", hidden], ["classes", classes]]) {
    if (!Number.isInteger(value) || (value as number) < 1) {
      throw new TypeError(
        `Cannot use ${
          describe(value)
        } as ${name} of VGG16: expected a positive integer`,
      );
    }
  }
  return { channels, hidden, classes };
}
