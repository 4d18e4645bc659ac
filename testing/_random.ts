// A small seeded generator (mulberry32), so that a gradient check that fails
// can be replayed exactly from the seed in its message.

import { type Float64NdArray, zerosOf } from "../core/_ndarray.ts";

/** A function returning uniform numbers in [0, 1) from a 32-bit seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The generator of one named stream of a check's random numbers. Every stream
 * derives from the one seed the caller gives (and a failure names), so that
 * seed alone replays the whole run, at either order.
 */
export function streamOf(
  seed: number,
  stream: "upstream" | "upstream of the gradient" | "directions" | "move",
): () => number {
  const salt = {
    "upstream": 0,
    "upstream of the gradient": 0x2545f491,
    "directions": 0x68e31da4,
    "move": 0x1b56c4e9,
  }[stream];
  return seededRandom((seed ^ salt) >>> 0);
}

/**
 * Random upstream gradients: magnitudes spread log-uniformly over [0.5, 2)
 * with random signs, so that a backward that clips, ignores or mis-scales its
 * gy shows, and none is nearly ignored.
 */
export function randomUpstream(
  shape: readonly number[],
  random: () => number,
): Float64NdArray {
  const out = zerosOf(shape);
  for (let i = 0; i < out.size; i++) {
    const magnitude = 0.5 * 4 ** random();
    out.data[out.offset + i] = random() < 0.5 ? -magnitude : magnitude;
  }
  return out;
}

/** Projection directions, uniform in [-1, 1). */
export function randomDirection(
  shape: readonly number[],
  random: () => number,
): Float64NdArray {
  const out = zerosOf(shape);
  for (let i = 0; i < out.size; i++) {
    out.data[out.offset + i] = 2 * random() - 1;
  }
  return out;
}
