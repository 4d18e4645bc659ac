import { zerosOf } from "../core/_ndarray.ts";
import { uniform } from "../random/uniform.ts";
import { Dataset } from "./dataset.ts";

/**
 * DeZero's sine-curve dataset for recurrent networks: 1000 points of
 * `sin(x)` plus uniform noise in [-0.05, 0.05) from the global generator for
 * training, `cos(x)` for test (which draws the noise too, as DeZero, so the
 * global stream advances the same way), over `x` from 0 to 2π. `data[i]` is
 * `y[i]` and `label[i]` is `y[i + 1]`, each of shape `[1]`: 999 examples.
 *
 * @example
 * ```ts
 * import { SinCurve } from "@dezero/core/datasets";
 * import { seed } from "@dezero/core/random";
 * import assert from "node:assert/strict";
 *
 * seed(0);
 * const test = new SinCurve({ train: false });
 * assert.equal(test.length, 999);
 * const [x, t] = test.get(0);
 * assert.equal(x.get(0), 1); // cos(0)
 * assert.equal(t?.get(0), Math.cos(2 * Math.PI / 999));
 * ```
 */
export class SinCurve extends Dataset {
  /** Sample the curve. */
  protected override prepare(): void {
    const count = 1000;
    // np.linspace(0, 2π, 1000): i * step, and the end point exactly.
    const step = (2 * Math.PI) / (count - 1);
    const noise = uniform(-0.05, 0.05, [count]);
    const y = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const x = i === count - 1 ? 2 * Math.PI : i * step;
      y[i] = this.train
        ? Math.sin(x) + noise.data[noise.offset + i]
        : Math.cos(x);
    }
    const data = zerosOf([count - 1, 1]);
    const label = zerosOf([count - 1, 1]);
    for (let i = 0; i < count - 1; i++) {
      data.data[data.offset + i] = y[i];
      label.data[label.offset + i] = y[i + 1];
    }
    this.data = data;
    this.label = label;
  }
}
