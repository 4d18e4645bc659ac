import { setThreadCount, threadCount } from "./_wasm/_threads.ts";

// The most threads anyone can ask for: far past any machine this runs on, and
// low enough that a mistaken huge number cannot start thousands of workers.
const MAX_THREADS = 256;

/**
 * How many threads large matrix products use (PyTorch's
 * `torch.get_num_threads()`). The default is the number of cores, at most 4.
 * Products of fewer than about 2 million multiply-adds, and engines without
 * `node:worker_threads` or shared WebAssembly memory (browser pages), always
 * use one.
 *
 * @returns The thread count, 1 or more.
 *
 * @example
 * ```ts
 * import { getNumThreads } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * assert.ok(getNumThreads() >= 1);
 * ```
 */
export function getNumThreads(): number {
  return threadCount();
}

/**
 * Set how many threads large matrix products use, this one included
 * (PyTorch's `torch.set_num_threads`). The helper threads start on the
 * first product large enough to need them and never keep the process alive;
 * lowering the count stops the extra ones. Every result is bitwise the same
 * whatever the count: each element is computed by one thread, in the same
 * order.
 *
 * @param count The number of threads, an integer from 1 to 256.
 * @throws {TypeError} If `count` is not an integer.
 * @throws {RangeError} If `count` is below 1 or above 256.
 *
 * @example One thread for a benchmark, then back
 * ```ts
 * import { getNumThreads, setNumThreads } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const before = getNumThreads();
 * setNumThreads(1);
 * assert.equal(getNumThreads(), 1);
 * setNumThreads(before);
 * ```
 */
export function setNumThreads(count: number): void {
  if (typeof count !== "number" || !Number.isInteger(count)) {
    throw new TypeError(
      `setNumThreads() expects an integer count, but was given ${
        typeof count === "number" ? count : typeof count
      }`,
    );
  }
  if (count < 1 || count > MAX_THREADS) {
    throw new RangeError(
      `setNumThreads() expects a count from 1 to ${MAX_THREADS}, but was given ${count}`,
    );
  }
  setThreadCount(count);
}
