import { zerosOf } from "../core/_ndarray.ts";
import { formatShape } from "../core/_ndarray.ts";
import { Parameter } from "../core/parameter.ts";
import type { Variable } from "../core/variable.ts";
import { batchNorm } from "../functions/batch_norm.ts";
import { Layer } from "./layer.ts";

/**
 * Batch normalisation with learned scale and shift (DeZero's `BatchNorm`),
 * for `[N, C]` or `[N, C, H, W]` inputs: see {@linkcode batchNorm}. In
 * training mode (`config.train`, the default) it normalises with the
 * batch's statistics and updates its running mean and variance (decay 0.9,
 * eps 2e-5); in test mode it normalises with the running ones.
 *
 * Its four arrays are `Parameter`s, created on the first call with the
 * input's channel count, so weight files hold them under DeZero's names:
 * `avg_mean` (zeros), `avg_var` (ones), `gamma` (ones), `beta` (zeros).
 * Only `gamma` and `beta` receive gradients.
 *
 * @example
 * ```ts
 * import { array, toNested } from "@dezero/core";
 * import { BatchNorm } from "@dezero/core/layers";
 * import { assertAllClose } from "@dezero/core/testing";
 *
 * const bn = new BatchNorm();
 * const y = bn.call(array([[1, 10], [3, 30]]));
 * assertAllClose(y.data, array([[-1, -1], [1, 1]]), { atol: 1e-4 });
 * // 0.9 · 1 + 0.1 · unbiased batch variance (2 and 200)
 * assertAllClose(bn.avg_var.data, array([1.1, 20.9]));
 * ```
 */
export class BatchNorm extends Layer {
  /** The running mean per channel, `[C]`. */
  avg_mean: Parameter = new Parameter(null, { name: "avg_mean" });
  /** The running variance per channel, `[C]`. */
  avg_var: Parameter = new Parameter(null, { name: "avg_var" });
  /** The scale per channel, `[C]`. */
  gamma: Parameter = new Parameter(null, { name: "gamma" });
  /** The shift per channel, `[C]`. */
  beta: Parameter = new Parameter(null, { name: "beta" });

  /**
   * Normalise `x` per channel (axis 1).
   *
   * @param x `[N, C]` or `[N, C, H, W]`.
   * @returns The normalised, scaled and shifted `x`.
   */
  forward(x: Variable): Variable {
    const shape = x.shape;
    if (shape.length !== 2 && shape.length !== 4) {
      throw new TypeError(
        `Cannot apply BatchNorm to an input of shape ${
          formatShape(shape)
        }: expected [N, C] or [N, C, H, W]`,
      );
    }
    const channels = shape[1];
    if (this.avg_mean.hasData && this.avg_mean.shape[0] !== channels) {
      throw new TypeError(
        `Cannot apply BatchNorm to an input of shape ${
          formatShape(shape)
        }: it was set up for ${this.avg_mean.shape[0]} channels`,
      );
    }
    if (!this.avg_mean.hasData) this.avg_mean.data = zerosOf([channels]);
    if (!this.avg_var.hasData) this.avg_var.data = ones(channels);
    if (!this.gamma.hasData) this.gamma.data = ones(channels);
    if (!this.beta.hasData) this.beta.data = zerosOf([channels]);
    return batchNorm(
      x,
      this.gamma,
      this.beta,
      this.avg_mean.data,
      this.avg_var.data,
    );
  }
}

function ones(size: number): ReturnType<typeof zerosOf> {
  const a = zerosOf([size]);
  for (let i = 0; i < size; i++) a.set(i, 1);
  return a;
}
