// Centred differences taken output by output, then weighted by the upstream
// gradients. Differencing the gy-weighted sum of all outputs instead lets
// the rounding of large outputs (exp(20) ≈ 5e8) swamp the small changes of
// the others; output by output, an output that does not move contributes
// exactly 0.

import { copyOf, type Float64NdArray } from "../core/_ndarray.ts";
import type { Problem } from "./_problem.ts";

/** Unit roundoff of float64. */
const ROUNDOFF = 2 ** -53;
/**
 * How many roundings an evaluation is assumed to carry per output element: a
 * few operations' worth, so that the estimate is of the right size without
 * hiding real errors.
 */
const ROUNDINGS = 16;

/** The numerical derivatives of one checked input, element by element. */
export interface Differences {
  /** Σ over outputs of the gy-weighted centred difference. */
  numerical: Float64Array;
  /** The same, one array per output (for naming the wrong output). */
  perOutput: Float64Array[];
  /** The gy-weighted one-sided slopes, from the left and from the right. */
  left: Float64Array;
  right: Float64Array;
  /**
   * An estimate of the rounding error of `numerical`, from the magnitudes of
   * the outputs that moved: roundoff · Σ |gy| · (|y₊| + |y₋|) / (2 eps).
   */
  noise: Float64Array;
}

/**
 * Centred differences of every element of every checked input. `points`
 * are contiguous copies; each element is moved and put back in place.
 */
export function centredDifferences(
  problem: Problem,
  points: Float64NdArray[],
  gys: Float64NdArray[],
  eps: number,
): Differences[] {
  const center = problem.evaluate(points);
  const weights = gys.map((gy) => flatOf(gy));
  return points.map((point) => {
    const size = point.size;
    const result: Differences = {
      numerical: new Float64Array(size),
      perOutput: gys.map(() => new Float64Array(size)),
      left: new Float64Array(size),
      right: new Float64Array(size),
      noise: new Float64Array(size),
    };
    for (let j = 0; j < size; j++) {
      const at = point.offset + j;
      const saved = point.data[at];
      point.data[at] = saved + eps;
      const above = problem.evaluate(points);
      point.data[at] = saved - eps;
      const below = problem.evaluate(points);
      point.data[at] = saved;
      let numerical = 0;
      let left = 0;
      let right = 0;
      let magnitude = 0;
      for (let k = 0; k < above.length; k++) {
        const w = weights[k];
        const a = above[k];
        const b = below[k];
        const c = center[k];
        let difference = 0;
        for (let m = 0; m < a.length; m++) {
          const up = a[m];
          const down = b[m];
          if (up === down && up === c[m]) continue;
          difference += w[m] * (up - down);
          left += w[m] * (c[m] - down);
          right += w[m] * (up - c[m]);
          magnitude += Math.abs(w[m]) * (Math.abs(up) + Math.abs(down));
        }
        result.perOutput[k][j] = difference / (2 * eps);
        numerical += difference;
      }
      result.numerical[j] = numerical / (2 * eps);
      result.left[j] = left / eps;
      result.right[j] = right / eps;
      result.noise[j] = ROUNDINGS * ROUNDOFF * magnitude / (2 * eps);
    }
    return result;
  });
}

/**
 * The centred difference of Σ gy · f along the direction `u` (one array per
 * checked input), with its rounding estimate.
 */
export function directionalDifference(
  problem: Problem,
  points: Float64NdArray[],
  directions: Float64NdArray[],
  gys: Float64NdArray[],
  eps: number,
): { numerical: number; noise: number } {
  const shifted = (sign: number): Float64NdArray[] =>
    points.map((x, k) => {
      const out = copyOf(x);
      const values = flatOf(out);
      const u = flatOf(directions[k]);
      for (let j = 0; j < u.length; j++) values[j] += sign * eps * u[j];
      return out;
    });
  const above = problem.evaluate(shifted(1));
  const below = problem.evaluate(shifted(-1));
  let difference = 0;
  let magnitude = 0;
  gys.forEach((gy, k) => {
    const w = flatOf(gy);
    for (let m = 0; m < w.length; m++) {
      const up = above[k][m];
      const down = below[k][m];
      if (up === down) continue;
      difference += w[m] * (up - down);
      magnitude += Math.abs(w[m]) * (Math.abs(up) + Math.abs(down));
    }
  });
  return {
    numerical: difference / (2 * eps),
    noise: ROUNDINGS * ROUNDOFF * magnitude / (2 * eps),
  };
}

/** The values of a contiguous array, as a Float64Array view. */
export function flatOf(a: Float64NdArray): Float64Array {
  return a.data.subarray(a.offset, a.offset + a.size) as Float64Array;
}
