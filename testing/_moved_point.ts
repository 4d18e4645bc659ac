// The second point of a check: a seeded small move away from the given one.
// Bugs hide at special points (a symmetric matrix, equal inputs, zeros, a
// value cached on the first call); a moved point has none of that.

import { copyOf, type Float64NdArray } from "../core/_ndarray.ts";
import { flatOf } from "./_numerical.ts";
import type { Problem } from "./_problem.ts";
import { streamOf } from "./_random.ts";

/** How far an element moves: up to 0.01 + 5% of its size. */
const ABSOLUTE_MOVE = 0.01;
const RELATIVE_MOVE = 0.05;

/**
 * The moved point, or null when the function is not finite there even after
 * halving the move three times (a point at the edge of the domain).
 */
export function movedPoint(
  problem: Problem,
  points: Float64NdArray[],
  center: Float64Array[],
  seed: number,
): Float64NdArray[] | null {
  const random = streamOf(seed, "move");
  const steps = points.map((point) =>
    Array.from(flatOf(point), (x) => {
      const size = (ABSOLUTE_MOVE + RELATIVE_MOVE * Math.abs(x)) *
        (0.5 + 0.5 * random());
      return random() < 0.5 ? -size : size;
    })
  );
  for (let scale = 1; scale >= 1 / 8; scale /= 2) {
    const moved = points.map((point, k) => {
      const out = copyOf(point);
      const values = flatOf(out);
      for (let j = 0; j < values.length; j++) {
        values[j] += scale * steps[k][j];
      }
      return out;
    });
    let values: Float64Array[];
    try {
      values = problem.evaluate(moved);
    } catch {
      continue;
    }
    const finite = values.every((y, k) =>
      y.every((v, m) => Number.isFinite(v) || !Number.isFinite(center[k][m]))
    );
    if (finite) return moved;
  }
  return null;
}
