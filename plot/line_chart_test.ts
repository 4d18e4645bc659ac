import assert from "node:assert/strict";
import { array } from "../mod.ts";
import { lineChart } from "./line_chart.ts";
import {
  assertWellFormed,
  linePaths,
  pathPoints,
  texts,
} from "./testdata/_svg.ts";

Deno.test("lineChart() draws one path per series with one point per value", async () => {
  const svg = await lineChart({
    train: [2.0, 1.5, 1.0, 0.5, 0.25],
    test: new Float64Array([2.1, 1.9, 1.8]),
  });
  assertWellFormed(svg);
  const paths = linePaths(svg);
  assert.equal(paths.length, 2);
  assert.equal(pathPoints(paths[0]).length, 5);
  assert.equal(pathPoints(paths[1]).length, 3);
  // The legend names both series, in the order given.
  const names = texts(svg).filter((t) => t === "train" || t === "test");
  assert.deepEqual(names, ["train", "test"]);
});

Deno.test("lineChart() places values linearly: equal steps, larger values higher", async () => {
  // 1, 2, 3, 4 per epoch: equal x steps and equal (upward) y steps.
  const points = pathPoints(linePaths(await lineChart([1, 2, 3, 4]))[0]);
  const dx = points.slice(1).map(([x], i) => x - points[i][0]);
  const dy = points.slice(1).map(([, y], i) => y - points[i][1]);
  assert.ok(dx.every((d) => Math.abs(d - dx[0]) < 1e-2 && d > 0), `${dx}`);
  // SVG's y grows downwards, so rising values step up by equal negative dy.
  assert.ok(dy.every((d) => Math.abs(d - dy[0]) < 1e-2 && d < 0), `${dy}`);
});

Deno.test("lineChart() writes the axis titles and the title", async () => {
  const svg = await lineChart([0.9, 0.95], {
    title: "Accuracy",
    xTitle: "step",
    yTitle: "accuracy",
  });
  const drawn = texts(svg);
  for (const text of ["Accuracy", "step", "accuracy"]) {
    assert.ok(drawn.includes(text), `${text} in ${drawn}`);
  }
  // One series needs no legend.
  assert.ok(!svg.includes('aria-roledescription="legend"'));
  const defaults = texts(await lineChart([1, 2]));
  assert.ok(defaults.includes("epoch") && defaults.includes("value"));
});

Deno.test("lineChart() accepts ndarrays and Variables and leaves gaps at NaN", async () => {
  const svg = await lineChart({ a: array([1, 2, 3]) });
  assert.equal(pathPoints(linePaths(svg)[0]).length, 3);
  // A diverged value splits the line into two pieces: two moves.
  const gap = linePaths(await lineChart([1, NaN, 3, 4]))[0];
  assert.equal(gap.match(/M/g)?.length, 2);
});

Deno.test("lineChart() draws the same SVG for the same input", async () => {
  const series = { loss: [1, 0.5, 0.3], accuracy: [0.5, 0.7, 0.8] };
  assert.equal(await lineChart(series), await lineChart(series));
});

Deno.test("lineChart() uses a log scale when asked", async () => {
  // 1, 10, 100 are equally spaced on a log axis.
  const points = pathPoints(
    linePaths(await lineChart([1, 10, 100], { logY: true }))[0],
  );
  assert.ok(
    Math.abs((points[1][1] - points[0][1]) - (points[2][1] - points[1][1])) <
      1e-2,
  );
});

Deno.test("lineChart() rejects what it cannot draw", async () => {
  await assert.rejects(lineChart([]), {
    name: "RangeError",
    message:
      "Cannot draw series of shape [0]: lineChart() expects a non-empty list of numbers",
  });
  await assert.rejects(lineChart({}), {
    name: "RangeError",
    message: "Cannot draw no series: lineChart() expects at least one",
  });
  await assert.rejects(lineChart({ a: [1, "2"] as unknown as number[] }), {
    name: "TypeError",
    message:
      'Cannot use series "a" with string "2" at index 1: lineChart() expects numbers',
  });
  await assert.rejects(lineChart(3 as unknown as number[]), TypeError);
  await assert.rejects(lineChart([1], { width: 0 }), RangeError);
  await assert.rejects(
    lineChart([1], { xTitle: 3 as unknown as string }),
    TypeError,
  );
});
