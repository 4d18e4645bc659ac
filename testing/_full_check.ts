// The full check: every element of every checked input against its centred
// difference, with the kink diagnosis and, for a function of several outputs,
// the output that is wrong.

import {
  type Float64NdArray,
  unravelIndex,
  zerosOf,
} from "../core/_ndarray.ts";
import { centredDifferences, type Differences, flatOf } from "./_numerical.ts";
import type { GradientCheckElement } from "./gradient_check.ts";
import type { Settings } from "./_options.ts";
import type { Problem } from "./_problem.ts";
import { atolWarning, compare, table, WORST_SHOWN } from "./_report.ts";

/** What a passing full check found. */
export interface FullFinding {
  checked: number;
  maxAbsoluteError: number;
  maxRelativeError: number;
  worst: GradientCheckElement | null;
  kinks: { input: number; index: number[] }[];
  /** Every gradient, numerical and backprop, was below atol. */
  belowAtol: boolean;
}

interface Ranked {
  element: GradientCheckElement;
  ratio: number;
}

/** Compare every element; fail with a table of the worst, or return. */
export function fullCheck(
  problem: Problem,
  points: Float64NdArray[],
  gys: Float64NdArray[],
  backprop: Float64NdArray[],
  settings: Settings,
): FullFinding {
  const { eps, rtol, atol, kinks } = settings;
  const report = problem.report;
  const differences = centredDifferences(problem, points, gys, eps);
  const several = gys.length > 1;
  const ranked: Ranked[] = [];
  const skipped: { input: number; index: number[] }[] = [];
  let failed = false;
  let nan: string | null = null;
  let kink: string | null = null;
  let maxAbsoluteError = 0;
  let maxRelativeError = 0;
  let belowAtol = true;
  points.forEach((point, k) => {
    const a = flatOf(backprop[k]);
    const d = differences[k];
    for (let j = 0; j < a.length; j++) {
      const numerical = d.numerical[j];
      const index = unravelIndex(point.shape, j);
      const element = compare(
        several ? null : 0,
        problem.wrt[k],
        index,
        a[j],
        numerical,
      );
      if (Math.abs(numerical) >= atol || Math.abs(a[j]) >= atol) {
        belowAtol = false;
      }
      if (Number.isNaN(a[j]) || Number.isNaN(numerical)) {
        nan ??= `the ${
          Number.isNaN(a[j]) ? "backprop" : "numerical"
        } gradient is NaN for ${report.where(problem.wrt[k], index)}`;
        failed = true;
        ranked.push({ element, ratio: Infinity });
        continue;
      }
      const tolerance = atol + rtol * Math.abs(numerical) + d.noise[j];
      if (!(element.absoluteError <= tolerance)) {
        if (isKink(d, j, rtol, atol)) {
          if (kinks === "skip") {
            skipped.push({ input: problem.wrt[k], index });
            continue;
          }
          kink ??= `${
            report.where(problem.wrt[k], index)
          } is a non-differentiable point: the slope is ${
            d.left[j]
          } from the left and ${
            d.right[j]
          } from the right, so no gradient can match; move the point away from the kink or pass kinks: "skip"`;
        }
        failed = true;
      }
      maxAbsoluteError = Math.max(maxAbsoluteError, element.absoluteError);
      if (numerical !== 0) {
        maxRelativeError = Math.max(maxRelativeError, element.relativeError);
      }
      const ratio = element.absoluteError / tolerance;
      ranked.push({ element, ratio: Number.isNaN(ratio) ? Infinity : ratio });
    }
  });
  if (belowAtol) report.warn(atolWarning(atol));
  if (failed) {
    const total = points.reduce((n, p) => n + p.size, 0);
    let heading = nan ?? kink ??
      "backprop and numerical gradients differ beyond atol + rtol * |numerical|";
    let rows = ranked;
    if (several && nan === null && kink === null) {
      // Backward one output at a time, to name the output that is wrong.
      const byOutput = perOutput(problem, points, gys, differences, settings);
      if (byOutput.length > 0) {
        rows = byOutput;
        const outputs = [...new Set(byOutput.map((r) => r.element.output))];
        heading = `the gradient through output${
          outputs.length > 1 ? "s" : ""
        } ${outputs.join(", ")} is wrong: ${heading}`;
      }
    }
    rows.sort((p, q) => q.ratio - p.ratio);
    // The elements that fail, worst first (all shown ones when none does,
    // as with a NaN gradient).
    const failing = rows.filter((r) => r.ratio > 1);
    if (failing.length > 0) rows = failing;
    if (nan === null && kink === null && rows.length > 0) {
      const worst = rows[0].element;
      heading += `; worst at ${
        worst.output === null ? "all outputs" : `output ${worst.output}`
      }, ${report.inputNames[worst.input]}, index [${worst.index.join(",")}]`;
    }
    report.fail(
      `${heading}\n${
        table(
          rows.slice(0, WORST_SHOWN).map((r) => r.element),
          report.inputNames,
        )
      }`,
      `${total} elements checked; `,
    );
  }
  ranked.sort((p, q) => q.ratio - p.ratio);
  return {
    checked: ranked.length,
    maxAbsoluteError,
    maxRelativeError,
    worst: ranked.length > 0 ? ranked[0].element : null,
    kinks: skipped,
    belowAtol,
  };
}

/**
 * One-sided slopes that disagree by far more than the tolerance, and than
 * their rounding error, mean that the point sits on a kink, where no
 * gradient is right. Curvature alone moves them apart by about f''·eps.
 */
function isKink(
  d: Differences,
  j: number,
  rtol: number,
  atol: number,
): boolean {
  // A one-sided difference has twice the rounding error of the centred one.
  const rounding = 4 * d.noise[j];
  const scale = Math.max(Math.abs(d.left[j]), Math.abs(d.right[j]));
  return !(Math.abs(d.left[j] - d.right[j]) <=
    10 * atol + 10 * rtol * scale + rounding);
}

/** The failing elements, output by output (gy of the others set to 0). */
function perOutput(
  problem: Problem,
  points: Float64NdArray[],
  gys: Float64NdArray[],
  differences: Differences[],
  settings: Settings,
): Ranked[] {
  const { rtol, atol } = settings;
  const rows: Ranked[] = [];
  gys.forEach((_, output) => {
    const only = gys.map((gy, k) => k === output ? gy : zerosOf(gy.shape));
    const grads = problem.backprop(points, only);
    grads.forEach((grad, k) => {
      const a = flatOf(grad);
      const numerical = differences[k].perOutput[output];
      for (let j = 0; j < a.length; j++) {
        const element = compare(
          output,
          problem.wrt[k],
          unravelIndex(grad.shape, j),
          a[j],
          numerical[j],
        );
        const tolerance = atol + rtol * Math.abs(numerical[j]) +
          differences[k].noise[j];
        if (!(element.absoluteError <= tolerance)) {
          rows.push({ element, ratio: element.absoluteError / tolerance });
        }
      }
    });
  });
  return rows;
}
