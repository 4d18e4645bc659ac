import assert from "node:assert/strict";
import { array, toFloat64Array, Variable } from "../mod.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";
import { scatterWithRegions } from "./scatter_with_regions.ts";
import { assertWellFormed, regionPaths, texts } from "./testdata/_svg.ts";

const points = array([[-1, -1], [1, -1], [-1, 1], [1, 1], [0.5, 0]]);
const labels = [0, 1, 0, 1, 2];

/** Class 0 left of x0 = 0, class 1 right of it. */
function leftRight(grid: Float64NdArray): number[] {
  const flat = toFloat64Array(grid);
  return Array.from(
    { length: flat.length / 2 },
    (_, i) => flat[2 * i] < 0 ? 0 : 1,
  );
}

/** The translate() positions of the drawn points. */
function pointPositions(svg: string): [number, number][] {
  return [
    ...svg.matchAll(
      /aria-roledescription="point" transform="translate\(([\d.-]+),([\d.-]+)\)"/g,
    ),
  ].map((m) => [Number(m[1]), Number(m[2])]);
}

Deno.test("scatterWithRegions() draws every point, coloured and shaped by class", async () => {
  const svg = await scatterWithRegions(points, labels);
  assertWellFormed(svg);
  const drawn = svg.match(/<path [^>]*aria-roledescription="point"[^>]*>/g)!;
  assert.equal(drawn.length, 5);
  // Tableau colours: class 0 blue, 1 orange, 2 red.
  const fills = drawn.map((path) => path.match(/fill="([^"]*)"/)![1]);
  assert.deepEqual(fills, [
    "#4c78a8",
    "#f58518",
    "#4c78a8",
    "#f58518",
    "#e45756",
  ]);
  assert.equal(regionPaths(svg).length, 0);
  assert.ok(texts(svg).includes("x0") && texts(svg).includes("x1"));
});

Deno.test("scatterWithRegions() puts the points where their coordinates say", async () => {
  const positions = pointPositions(await scatterWithRegions(points, labels));
  const [a, b, c, d] = positions;
  // Same x0 -> same column; same x1 -> same row; larger x1 higher up.
  assert.ok(Math.abs(a[0] - c[0]) < 1e-6 && Math.abs(b[0] - d[0]) < 1e-6);
  assert.ok(Math.abs(a[1] - b[1]) < 1e-6 && Math.abs(c[1] - d[1]) < 1e-6);
  assert.ok(b[0] > a[0] && c[1] < a[1]);
  // (0.5, 0) sits three quarters of the way from x0 = -1 to 1, halfway in x1.
  const e = positions[4];
  assert.ok(Math.abs((e[0] - a[0]) / (b[0] - a[0]) - 0.75) < 1e-6);
  assert.ok(Math.abs((e[1] - a[1]) / (c[1] - a[1]) - 0.5) < 1e-6);
});

Deno.test("scatterWithRegions() asks the classifier once for every grid cell's centre", async () => {
  const calls: Float64NdArray[] = [];
  await scatterWithRegions(points, labels, {
    resolution: 4,
    padding: 0,
    classify: (grid) => {
      calls.push(grid);
      return new Array(grid.shape[0]).fill(0);
    },
  });
  assert.equal(calls.length, 1);
  assert.deepEqual([...calls[0].shape], [16, 2]);
  // With no padding the box is [-1, 1] on both axes: cells 0.5 wide,
  // centres at -0.75, -0.25, 0.25, 0.75; x0 varies fastest.
  const flat = toFloat64Array(calls[0]);
  assert.deepEqual(Array.from(flat.slice(0, 8)), [
    -0.75,
    -0.75,
    -0.25,
    -0.75,
    0.25,
    -0.75,
    0.75,
    -0.75,
  ]);
  assert.deepEqual(Array.from(flat.slice(-2)), [0.75, 0.75]);
});

Deno.test("scatterWithRegions() draws one rectangle per run of a class in each row", async () => {
  // Split at x0 = 0: every one of the 10 rows has two runs.
  const split = await scatterWithRegions(points, labels, {
    classify: leftRight,
    resolution: 10,
  });
  assertWellFormed(split);
  const regions = regionPaths(split);
  assert.equal(regions.length, 20);
  // Light blue and light orange, alternating left and right.
  const fills = regions.map((path) => path.match(/fill="([^"]*)"/)![1]);
  assert.deepEqual(new Set(fills), new Set(["#c9d7e5", "#fcdaba"]));
  assert.equal(fills[0], "#c9d7e5");
  assert.equal(fills[1], "#fcdaba");
  // One class everywhere: one rectangle per row.
  const flat = await scatterWithRegions(points, labels, {
    classify: (grid) => new Float64Array(grid.shape[0]).fill(2),
    resolution: 7,
  });
  assert.equal(regionPaths(flat).length, 7);
});

Deno.test("scatterWithRegions() takes Variables and gives the same SVG twice", async () => {
  const options = { classify: leftRight, resolution: 8 };
  const first = await scatterWithRegions(new Variable(points), labels, options);
  const second = await scatterWithRegions(points, array(labels), options);
  assert.equal(first, second);
});

Deno.test("scatterWithRegions() rejects bad points, labels and classifiers", async () => {
  await assert.rejects(scatterWithRegions(array([[1, 2, 3]]), [0]), {
    name: "TypeError",
    message:
      "Cannot draw points of shape [1,3]: scatterWithRegions() expects shape [n, 2] with n > 0",
  });
  await assert.rejects(scatterWithRegions(points, [0, 1]), {
    name: "TypeError",
    message:
      "Cannot use labels of 2 values: scatterWithRegions() expects one class for each of 5 points",
  });
  await assert.rejects(scatterWithRegions(points, [0, 1, 0, 1, -2]), {
    name: "RangeError",
    message:
      "Cannot use class -2 at index 4 of labels: scatterWithRegions() expects integers from 0",
  });
  await assert.rejects(
    scatterWithRegions(points, labels, { classify: () => [0, 1] }),
    {
      name: "TypeError",
      message:
        "Cannot use the classifier's result of 2 values: scatterWithRegions() expects one class for each of 10000 points",
    },
  );
  await assert.rejects(
    scatterWithRegions(points, labels, { resolution: 0 }),
    RangeError,
  );
});
