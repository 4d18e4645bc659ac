// One run of the check: at the given point, then at a moved one.

import type { Float64NdArray } from "../core/_ndarray.ts";
import type { GradientCheckResult } from "./gradient_check.ts";
import { fullCheck } from "./_full_check.ts";
import { movedPoint } from "./_moved_point.ts";
import type { Settings } from "./_options.ts";
import type { Problem } from "./_problem.ts";
import {
  checkDeterministic,
  checkLinear,
  checkZeroUpstream,
  FAST_PROJECTIONS,
  fastCheck,
} from "./_probes.ts";
import { atolWarning } from "./_report.ts";

/** What one point's check found. */
type Finding = Pick<
  GradientCheckResult,
  | "mode"
  | "checked"
  | "maxAbsoluteError"
  | "maxRelativeError"
  | "worst"
  | "kinks"
>;

/**
 * Check `problem` at `points` (where a guarded call gave `center`) under
 * upstream gradients `gys`, then (unless the settings say not to) at a moved
 * point.
 */
export function run(
  problem: Problem,
  points: Float64NdArray[],
  center: Float64Array[],
  gys: Float64NdArray[],
  settings: Settings,
): GradientCheckResult {
  const report = problem.report;
  const given = checkAt(problem, points, gys, settings, true);
  const visited: ("given" | "moved")[] = ["given"];
  if (settings.secondPoint) {
    const moved = movedPoint(problem, points, center, settings.seed);
    if (moved === null) {
      report.warn(
        "the moved point was skipped: the function is not finite near the given point",
      );
    } else {
      report.point = "moved";
      const again = checkAt(problem, moved, gys, settings, false);
      report.point = "given";
      visited.push("moved");
      given.maxAbsoluteError = Math.max(
        given.maxAbsoluteError,
        again.maxAbsoluteError,
      );
      given.maxRelativeError = Math.max(
        given.maxRelativeError,
        again.maxRelativeError,
      );
    }
  }
  const { seed, eps, rtol, atol, order } = settings;
  return {
    ...given,
    order,
    points: visited,
    warnings: [...report.warnings],
    seed,
    eps,
    rtol,
    atol,
  };
}

/**
 * At the given point (`probe`): the backward guarded against in-place
 * writes, then the probes that need no numerical derivative. Then the
 * comparison with centred differences. The probes test how backward uses
 * its gy, not the point, so the moved point goes straight to the numbers.
 */
function checkAt(
  problem: Problem,
  points: Float64NdArray[],
  gys: Float64NdArray[],
  settings: Settings,
  probe: boolean,
): Finding {
  const backprop = problem.backprop(points, gys, probe);
  if (probe) {
    checkDeterministic(
      problem,
      points,
      gys,
      backprop,
      settings.nondeterministicTolerance,
    );
    checkLinear(problem, points, gys, backprop, settings);
    checkZeroUpstream(problem, points, gys);
  }
  if (settings.mode === "fast") {
    const fast = fastCheck(problem, points, gys, backprop, settings);
    if (fast !== null) {
      if (fast.belowAtol) problem.report.warn(atolWarning(settings.atol));
      return {
        mode: "fast",
        checked: FAST_PROJECTIONS,
        maxAbsoluteError: fast.maxAbsoluteError,
        maxRelativeError: fast.maxRelativeError,
        worst: null,
        kinks: [],
      };
    }
  }
  const full = fullCheck(problem, points, gys, backprop, settings);
  return {
    mode: "full",
    checked: full.checked,
    maxAbsoluteError: full.maxAbsoluteError,
    maxRelativeError: full.maxRelativeError,
    worst: full.worst,
    kinks: full.kinks,
  };
}
