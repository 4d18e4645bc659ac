/**
 * Training that is pleasant to watch: a {@linkcode ProgressBar} over any
 * loader or range of epochs (done and total, rate, time left, the running
 * loss) that redraws in place on a terminal and prints plain lines in CI
 * logs and files, and a {@linkcode terminalChart} of the loss at the end.
 *
 * @example Three epochs of two batches, as a CI log shows them
 * ```ts
 * import { ProgressBar, terminalChart } from "@dezero/core/training";
 * import assert from "node:assert/strict";
 *
 * const out: string[] = [];
 * const losses: number[] = [];
 * for (let epoch = 0; epoch < 3; epoch++) {
 *   const bar = new ProgressBar([0, 1], {
 *     label: `epoch ${epoch + 1}`,
 *     terminal: false,
 *     write: (text) => out.push(text),
 *   });
 *   let loss = 0;
 *   for (const _batch of bar) {
 *     loss = 1 / (epoch + 1);
 *     bar.set({ loss });
 *   }
 *   losses.push(loss);
 * }
 * assert.equal(out.length, 3);
 * assert.match(out[2], /^epoch 3: 100% 2\/2 .* loss=0\.3333\n$/);
 * assert.equal(terminalChart(losses, { height: 4 }).split("\n").length, 5);
 * ```
 *
 * @module
 */
export * from "./progress_bar.ts";
export * from "./terminal_chart.ts";
