import assert from "node:assert/strict";
import { lineChart } from "./line_chart.ts";
import { savePlot } from "./save_plot.ts";
import { testNeeding } from "../testing/_permissions.ts";

testNeeding(
  ["read", "write"],
  "savePlot() writes the SVG, given as text or a promise",
  async () => {
    const path = await Deno.makeTempFile({ suffix: ".svg" });
    try {
      const svg = await lineChart([1, 2, 3]);
      await savePlot(path, svg);
      assert.equal(await Deno.readTextFile(path), svg);
      await savePlot(path, lineChart([3, 2, 1]));
      assert.equal(await Deno.readTextFile(path), await lineChart([3, 2, 1]));
    } finally {
      await Deno.remove(path);
    }
  },
);

Deno.test("savePlot() refuses what is not SVG and paths that are not paths", async () => {
  await assert.rejects(savePlot("/tmp/x.svg", "hello"), {
    name: "TypeError",
    message:
      'Cannot save string "hello": savePlot() expects an SVG document starting with <svg',
  });
  await assert.rejects(savePlot(3 as unknown as string, "<svg/>"), {
    name: "TypeError",
    message:
      "Cannot write to number 3: savePlot() expects a file path as a string or URL",
  });
});
