// Probes of the backward that need no numerical derivative: it must be
// deterministic, linear in its upstream gradient, and give zero for zero;
// and the fast check, random projections vᵀJu.

import { copyOf, type Float64NdArray, unravelIndex } from "../core/_ndarray.ts";
import { isClose } from "./_close.ts";
import { directionalDifference, flatOf } from "./_numerical.ts";
import type { Settings } from "./_options.ts";
import type { Problem } from "./_problem.ts";
import { randomDirection, streamOf } from "./_random.ts";

/** The factor of the linearity probe: negative and well outside [0, 1]. */
export const LINEARITY_FACTOR = -3.7;
/** Projections of the fast check. */
export const FAST_PROJECTIONS = 2;

/** Two backward runs on the same inputs must agree. */
export function checkDeterministic(
  problem: Problem,
  points: Float64NdArray[],
  gys: Float64NdArray[],
  first: Float64NdArray[],
  tolerance: number,
): void {
  const second = problem.backprop(points, gys);
  first.forEach((grad, k) => {
    const a = flatOf(grad);
    const b = flatOf(second[k]);
    for (let j = 0; j < a.length; j++) {
      if (Object.is(a[j], b[j]) || Math.abs(a[j] - b[j]) <= tolerance) {
        continue;
      }
      problem.report.fail(
        `backward is not deterministic: two runs on the same inputs give ${
          a[j]
        } and ${b[j]} for ${
          problem.report.where(problem.wrt[k], unravelIndex(grad.shape, j))
        } (nondeterministicTolerance ${tolerance})`,
      );
    }
  });
}

/**
 * backward(a·gy) must be a·backward(gy): a backward that clips, ignores,
 * squares or offsets its upstream gradient is not linear in it.
 */
export function checkLinear(
  problem: Problem,
  points: Float64NdArray[],
  gys: Float64NdArray[],
  first: Float64NdArray[],
  settings: Settings,
): void {
  const a = LINEARITY_FACTOR;
  const scaled = gys.map((gy) => {
    const out = copyOf(gy);
    const values = flatOf(out);
    for (let m = 0; m < values.length; m++) values[m] *= a;
    return out;
  });
  const grads = problem.backprop(points, scaled);
  first.forEach((grad, k) => {
    const expected = flatOf(grad);
    const got = flatOf(grads[k]);
    for (let j = 0; j < got.length; j++) {
      if (
        isClose(got[j], a * expected[j], settings.rtol, settings.atol) ||
        Number.isNaN(got[j]) || Number.isNaN(expected[j])
      ) {
        continue; // NaN is the numerical comparison's to report
      }
      problem.report.fail(
        `backward is not linear in its upstream gradient: for ${
          problem.report.where(problem.wrt[k], unravelIndex(grad.shape, j))
        }, backward(${a} · gy) gives ${
          short(got[j])
        } but ${a} · backward(gy) is ${
          short(a * expected[j])
        }; does it clip, ignore or offset gy?`,
      );
    }
  });
}

/** A zero upstream gradient must give zero gradients. */
export function checkZeroUpstream(
  problem: Problem,
  points: Float64NdArray[],
  gys: Float64NdArray[],
): void {
  const zeros = gys.map((gy) => {
    const out = copyOf(gy);
    flatOf(out).fill(0);
    return out;
  });
  problem.backprop(points, zeros).forEach((grad, k) => {
    const values = flatOf(grad);
    for (let j = 0; j < values.length; j++) {
      if (values[j] !== 0 && !Number.isNaN(values[j])) {
        problem.report.fail(
          `a zero upstream gradient gives the gradient ${values[j]} for ${
            problem.report.where(problem.wrt[k], unravelIndex(grad.shape, j))
          }, expected 0`,
        );
      }
    }
  });
}

/** What the fast check found. */
export interface FastFinding {
  maxAbsoluteError: number;
  maxRelativeError: number;
  /** Every projection, numerical and backprop, was below atol. */
  belowAtol: boolean;
}

/**
 * Random projections vᵀJu against centred differences along u: what they
 * found when all pass, or null when one fails (the caller then runs the
 * full check to name the elements).
 */
export function fastCheck(
  problem: Problem,
  points: Float64NdArray[],
  gys: Float64NdArray[],
  backprop: Float64NdArray[],
  settings: Settings,
): FastFinding | null {
  const { eps, rtol, atol, seed } = settings;
  const random = streamOf(seed, "directions");
  const finding: FastFinding = {
    maxAbsoluteError: 0,
    maxRelativeError: 0,
    belowAtol: true,
  };
  for (let p = 0; p < FAST_PROJECTIONS; p++) {
    const directions = points.map((x) => randomDirection(x.shape, random));
    let analytical = 0;
    backprop.forEach((grad, k) => {
      const g = flatOf(grad);
      const u = flatOf(directions[k]);
      for (let j = 0; j < g.length; j++) analytical += g[j] * u[j];
    });
    const { numerical, noise } = directionalDifference(
      problem,
      points,
      directions,
      gys,
      eps,
    );
    const absoluteError = Math.abs(analytical - numerical);
    if (
      !(absoluteError <= atol + rtol * Math.abs(numerical) + noise) ||
      Number.isNaN(analytical)
    ) {
      return null;
    }
    finding.maxAbsoluteError = Math.max(
      finding.maxAbsoluteError,
      absoluteError,
    );
    if (numerical !== 0) {
      finding.maxRelativeError = Math.max(
        finding.maxRelativeError,
        absoluteError / Math.abs(numerical),
      );
    }
    if (Math.abs(numerical) >= atol || Math.abs(analytical) >= atol) {
      finding.belowAtol = false;
    }
  }
  return finding;
}

/** A number to 8 significant digits, without trailing zeros. */
function short(x: number): string {
  return String(Number(x.toPrecision(8)));
}
