import { describe } from "../core/_describe.ts";

/**
 * Write a plot's SVG (from {@linkcode lineChart},
 * {@linkcode scatterWithRegions} or {@linkcode imageGrid}) to a file. Needs
 * write permission for the file (`--allow-write`).
 *
 * @param path The file to write, for example `"loss.svg"`.
 * @param svg The SVG document, or a promise of it as the plot functions
 * return.
 * @returns A promise that resolves once the file is written.
 *
 * @example Write when allowed to
 * ```ts
 * import { lineChart, savePlot } from "@dezero/core/plot";
 * import assert from "node:assert/strict";
 *
 * // Where writing is allowed (deno run --allow-write=/tmp ...):
 * const { state } = await Deno.permissions.query({ name: "write", path: "/tmp" });
 * if (state === "granted") {
 *   const path = await Deno.makeTempFile({ dir: "/tmp", suffix: ".svg" });
 *   await savePlot(path, lineChart([3, 2, 1]));
 *   assert.match(await Deno.readTextFile(path), /^<svg /);
 *   await Deno.remove(path);
 * }
 * ```
 */
export async function savePlot(
  path: string | URL,
  svg: string | Promise<string>,
): Promise<void> {
  const caller = "savePlot()";
  if (typeof path !== "string" && !(path instanceof URL)) {
    throw new TypeError(
      `Cannot write to ${
        describe(path)
      }: ${caller} expects a file path as a string or URL`,
    );
  }
  const text = await svg;
  if (
    typeof text !== "string" || !/^\s*(<\?xml[^>]*>\s*)?<svg[\s/>]/.test(text)
  ) {
    throw new TypeError(
      `Cannot save ${
        describe(text)
      }: ${caller} expects an SVG document starting with <svg`,
    );
  }
  await Deno.writeTextFile(path, text);
}
