import { describe } from "../core/_describe.ts";
import {
  type Float64NdArray,
  formatShape,
  isFloat64NdArray,
  sizeOf,
  toFlat,
} from "../core/_ndarray.ts";
import { array } from "../core/array.ts";
import { asVariable } from "../core/as_variable.ts";
import type { Operand } from "../core/function.ts";
import type { Variable } from "../core/variable.ts";
import { isTraining } from "./_train_mode.ts";
import { add } from "./add.ts";
import { mean as meanOf } from "./mean.ts";
import { mul } from "./mul.ts";
import { pow } from "./pow.ts";
import { reshape } from "./reshape.ts";
import { square } from "./square.ts";
import { sub } from "./sub.ts";

/**
 * Options of {@linkcode batchNorm}.
 *
 * @example A decay of 0.5 moves the running mean halfway to the batch mean
 * ```ts
 * import { array, type BatchNormOptions, batchNorm } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const options: BatchNormOptions = { decay: 0.5, eps: 1e-5 };
 * const mean = array([0]);
 * const variance = array([1]);
 * batchNorm(array([[1], [3]]), array([1]), array([0]), mean, variance, options);
 * assert.equal(mean.get(0), 1); // 0.5 · 0 + 0.5 · 2
 * ```
 */
export interface BatchNormOptions {
  /** How much of the running statistics a training call keeps (default 0.9). */
  decay?: number;
  /** Added to the variance before its square root (default 2e-5). */
  eps?: number;
}

/**
 * Batch normalisation (DeZero's `batch_nrom`): each channel of `x`
 * (axis 1 of an `[N, C]` or `[N, C, H, W]` input) is centred and scaled to
 * unit variance, then multiplied by `gamma` and shifted by `beta`.
 *
 * In training mode (`config.train`, the default) the statistics are the
 * batch's own (biased variance, as DeZero and PyTorch), and the running
 * statistics `mean` and `variance` are updated in place: r = decay · r +
 * (1 − decay) · batch value, the variance unbiased by m / (m − 1) for m
 * values per channel. In test mode the running statistics normalise and
 * nothing is updated. The output is built from differentiable functions
 * (mean, sub, square, pow, mul, add), so gradients of every order flow to
 * `x`, `gamma` and `beta`; the running statistics are constants.
 *
 * @param x The input, `[N, C]` or `[N, C, H, W]`.
 * @param gamma The scale per channel, `[C]`.
 * @param beta The shift per channel, `[C]`.
 * @param mean The running mean per channel, `[C]`; updated in training mode.
 * @param variance The running variance per channel, `[C]`; updated in
 * training mode.
 * @param options `decay` (default 0.9) and `eps` (default 2e-5).
 * @returns The normalised output, shaped as `x`.
 * @throws {TypeError} If a shape does not fit `x`'s channels.
 * @throws {RangeError} If `decay` is outside [0, 1] or `eps` is negative
 * or infinite.
 *
 * @example
 * ```ts
 * import { array, batchNorm, toNested, Variable } from "@dezero/core";
 * import { assertAllClose } from "@dezero/core/testing";
 * import assert from "node:assert/strict";
 *
 * const x = new Variable(array([[1, 10], [3, 30]]));
 * const runningMean = array([0, 0]);
 * const runningVar = array([1, 1]);
 * const y = batchNorm(x, array([1, 1]), array([0, 0]), runningMean, runningVar);
 * assertAllClose(y.data, array([[-1, -1], [1, 1]]), { atol: 1e-4 });
 * // 0.9 · 0 + 0.1 · batch mean
 * assert.deepEqual(toNested(runningMean).map((m) => +m.toFixed(12)), [0.2, 2]);
 * ```
 */
export function batchNorm(
  x: Operand,
  gamma: Operand,
  beta: Operand,
  mean: Float64NdArray,
  variance: Float64NdArray,
  options: BatchNormOptions = {},
): Variable {
  const input = asVariable(x);
  const shape = input.shape;
  if (shape.length !== 2 && shape.length !== 4) {
    throw new TypeError(
      `Cannot apply batchNorm to an input of shape ${
        formatShape(shape)
      }: expected [N, C] or [N, C, H, W]`,
    );
  }
  const channels = shape[1];
  const g = asVariable(gamma);
  const b = asVariable(beta);
  checkChannels("gamma", g.shape, shape);
  checkChannels("beta", b.shape, shape);
  for (const [name, value] of [["mean", mean], ["variance", variance]]) {
    if (!isFloat64NdArray(value)) {
      throw new TypeError(
        `Cannot use ${
          describe(value)
        } as the running ${name} of batchNorm: expected a float64 ndarray of shape [${channels}]`,
      );
    }
    checkChannels(`the running ${name}`, value.shape, shape);
  }
  if (typeof options !== "object" || options === null) {
    throw new TypeError(
      `Cannot use ${
        describe(options)
      } as the options of batchNorm: expected an object`,
    );
  }
  const { decay = 0.9, eps = 2e-5 } = options;
  for (const [name, value] of [["decay", decay], ["eps", eps]] as const) {
    if (typeof value !== "number") {
      throw new TypeError(
        `Cannot use ${
          describe(value)
        } as ${name} of batchNorm: expected a number`,
      );
    }
  }
  if (!(decay >= 0 && decay <= 1)) {
    throw new RangeError(
      `Cannot use ${decay} as decay of batchNorm: expected a number from 0 to 1`,
    );
  }
  if (!(eps >= 0 && eps < Infinity)) {
    throw new RangeError(
      `Cannot use ${eps} as eps of batchNorm: expected a finite number >= 0`,
    );
  }

  // Statistics per channel: over N for [N, C], over N, H and W for images,
  // kept as [1, C] or [1, C, 1, 1] so they broadcast against x.
  const axis = shape.length === 2 ? [0] : [0, 2, 3];
  const statShape = shape.length === 2 ? [1, channels] : [1, channels, 1, 1];
  const scale = reshape(g, statShape);
  const shift = reshape(b, statShape);

  if (!isTraining()) {
    const runningMean = toFlat(mean);
    const invStd = toFlat(variance).map((v) => 1 / Math.sqrt(v + eps));
    const xc = mul(
      sub(input, reshape(array(Array.from(runningMean)), statShape)),
      reshape(array(Array.from(invStd)), statShape),
    );
    return add(mul(xc, scale), shift);
  }

  const batchMean = meanOf(input, { axis, keepdims: true });
  const xc = sub(input, batchMean);
  const batchVar = meanOf(square(xc), { axis, keepdims: true });
  const y = add(mul(mul(xc, pow(add(batchVar, eps), -0.5)), scale), shift);

  // The running statistics, updated as DeZero does (its unbiased variance
  // divides by m − 1 only when m > 2, else by 1).
  const m = sizeOf(shape) / channels;
  const adjust = m / (m - 1 > 1 ? m - 1 : 1);
  const mu = toFlat(batchMean.data);
  const v = toFlat(batchVar.data);
  for (let c = 0; c < channels; c++) {
    mean.set(c, mean.get(c) * decay + (1 - decay) * mu[c]);
    variance.set(c, variance.get(c) * decay + (1 - decay) * adjust * v[c]);
  }
  return y;
}

function checkChannels(
  name: string,
  given: readonly number[],
  xShape: readonly number[],
): void {
  if (given.length !== 1 || given[0] !== xShape[1]) {
    throw new TypeError(
      `Cannot use ${name} of shape ${
        formatShape(given)
      } in batchNorm for an input of shape ${formatShape(xShape)}: expected [${
        xShape[1]
      }], one value per channel`,
    );
  }
}
