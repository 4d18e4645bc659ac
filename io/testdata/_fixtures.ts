// Shared by the io tests and make_ours.ts: where the fixtures live, how their
// expected values are spelled, and the arrays our writer's fixtures hold.

import { array, type Float64NdArray } from "../../mod.ts";

/** A folder of fixtures, as a URL ending in a slash. */
export const NUMPY_DIR = new URL("./numpy/", import.meta.url);
export const OURS_DIR = new URL("./ours/", import.meta.url);

/** An array as expected.json spells it: shape and C-order values. */
export interface Expected {
  shape: number[];
  values: (number | string)[];
}

/** JSON's stand-ins for the numbers it cannot spell. */
export function toNumber(value: number | string): number {
  if (typeof value === "number") return value;
  return { nan: NaN, inf: Infinity, "-inf": -Infinity, "-0": -0 }[value] ??
    NaN;
}

/** Read a fixture folder's expected.json. */
export function readExpected(dir: URL): Record<string, unknown> {
  return JSON.parse(Deno.readTextFileSync(new URL("expected.json", dir)));
}

/** Arrays by file name (`.npy`) or by member (`.npz`), for our writer. */
export interface OurFixture {
  file: string;
  compressed?: boolean;
  arrays: Record<string, { shape: number[]; values: number[] }>;
}

/** Deterministic values that exercise signs, zeros, tiny and huge numbers. */
function values(n: number, seed: number): number[] {
  return Array.from({ length: n }, (_, i) => {
    const k = i + seed;
    return k % 7 === 3 ? -0 : (k % 2 ? -1 : 1) * (k * 0.37 + 1 / (k + 3)) *
      10 ** ((k % 5) - 2);
  });
}

/** The files our writer's fixtures hold; make_ours.ts writes them. */
export function ourFixtures(): OurFixture[] {
  const shaped = (shape: number[], seed: number) => ({
    shape,
    values: values(shape.reduce((a, b) => a * b, 1), seed),
  });
  const weights = {
    "l0/W": shaped([2, 3], 1),
    "l0/b": shaped([3], 2),
    "l1/W": shaped([3, 1], 3),
    "l1/b": shaped([1], 4),
    "scalar": shaped([], 5),
    "empty": shaped([0, 4], 6),
    "ünï/côde": shaped([2], 12),
  };
  return [
    { file: "vector.npy", arrays: { "": shaped([5], 7) } },
    { file: "matrix.npy", arrays: { "": shaped([3, 4], 8) } },
    { file: "cube.npy", arrays: { "": shaped([2, 3, 2], 9) } },
    { file: "scalar.npy", arrays: { "": shaped([], 10) } },
    { file: "empty.npy", arrays: { "": shaped([2, 0], 11) } },
    {
      file: "special.npy",
      arrays: {
        "": {
          shape: [5],
          values: [NaN, Infinity, -Infinity, 5e-324, Number.MAX_VALUE],
        },
      },
    },
    { file: "savez.npz", compressed: false, arrays: weights },
    { file: "savez_compressed.npz", compressed: true, arrays: weights },
  ];
}

/** A fixture's arrays as float64 ndarrays. */
export function fixtureArrays(
  fixture: OurFixture,
): Record<string, Float64NdArray> {
  return Object.fromEntries(
    Object.entries(fixture.arrays).map((
      [name, { shape, values }],
    ) => [name, array(Float64Array.from(values), { shape })]),
  );
}
