import assert from "node:assert/strict";
import { renderSpec } from "./_vega.ts";

Deno.test("renderSpec() refuses to load data from the network or files", async () => {
  const calls: string[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input) => {
    calls.push(String(input));
    return Promise.reject(new Error("no network in tests"));
  };
  try {
    for (const url of ["https://example.com/data.json", "data.json"]) {
      await assert.rejects(
        renderSpec({
          data: { url },
          mark: "point",
          encoding: { x: { field: "a", type: "quantitative" } },
        }),
        {
          message:
            `Cannot render a chart that loads ${url}: plots render offline`,
        },
      );
    }
  } finally {
    globalThis.fetch = realFetch;
  }
  assert.deepEqual(calls, []);
});
