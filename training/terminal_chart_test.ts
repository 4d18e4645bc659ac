import assert from "node:assert/strict";
import { terminalChart } from "./terminal_chart.ts";

Deno.test("terminalChart() draws a rising line with box-drawing corners", () => {
  assert.equal(
    terminalChart([0, 1, 2, 3], { height: 3, decimals: 1 }),
    [
      "3.0 ┤  ╭",
      "2.0 ┤ ╭╯",
      "1.0 ┤╭╯ ",
      "0.0 ┼╯  ",
    ].join("\n"),
  );
});

Deno.test("terminalChart() joins far rows with vertical bars and flat runs with dashes", () => {
  // 0 -> 4 climbs four rows in one column; 4 -> 4 stays; 4 -> 0 falls.
  assert.equal(
    terminalChart([0, 4, 4, 0], { height: 4, decimals: 0 }),
    [
      "4 ┤╭─╮",
      "3 ┤│ │",
      "2 ┤│ │",
      "1 ┤│ │",
      "0 ┼╯ ╰",
    ].join("\n"),
  );
});

Deno.test("terminalChart() puts a flat series on the middle row", () => {
  assert.equal(
    terminalChart([2, 2, 2], { height: 2, decimals: 0 }),
    ["2 ┤  ", "2 ┼──", "2 ┤  "].join("\n"),
  );
});

Deno.test("terminalChart() averages a long series down to the width", () => {
  const series = Array.from({ length: 100 }, (_, i) => Math.floor(i / 50));
  // Two columns' worth: the mean of the first and second halves, 0 and 1.
  assert.equal(
    terminalChart(series, { width: 2, height: 1, decimals: 0 }),
    ["1 ┤╭", "0 ┼╯"].join("\n"),
  );
  const lines = terminalChart(series.map(Math.sin), { width: 30 }).split("\n");
  assert.equal(lines.length, 11);
  assert.ok(lines.every((line) => line.length === lines[0].length));
});

Deno.test("terminalChart() rejects empty, non-finite and bad options", () => {
  assert.throws(() => terminalChart([]), {
    name: "RangeError",
    message: "Cannot chart an empty series: terminalChart() expects values",
  });
  assert.throws(() => terminalChart([1, NaN]), {
    name: "TypeError",
    message:
      "Cannot chart number NaN at index 1: terminalChart() expects finite numbers",
  });
  assert.throws(() => terminalChart("abc" as unknown as number[]), TypeError);
  assert.throws(() => terminalChart([1, 2], { height: 0 }), {
    name: "RangeError",
    message:
      "Cannot use height number 0: terminalChart() expects an integer of at least 1",
  });
});
