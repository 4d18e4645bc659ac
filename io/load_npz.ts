import { decodeNpz } from "./decode_npz.ts";
import { readFileFor } from "./_files.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";

/**
 * Load the arrays of a NumPy `.npz` file (from `np.savez`,
 * `np.savez_compressed`, DeZero's `save_weights` or {@linkcode saveNpz}) as
 * float64 arrays by name. Synchronous, like DeZero's `load_weights`. Errors
 * name the file (and the member); nothing is returned half-loaded. Needs
 * `--allow-read` for the file.
 *
 * @param path The file to read.
 * @returns The arrays by name, in the archive's order.
 *
 * @example
 * ```ts
 * import { array } from "@dezero/core";
 * import { loadNpz, saveNpz } from "@dezero/core/io";
 * import assert from "node:assert/strict";
 *
 * const dir = Deno.makeTempDirSync();
 * saveNpz(`${dir}/arrays.npz`, { x: array([1, 2, 3]) });
 * assert.deepEqual(loadNpz(`${dir}/arrays.npz`).x.shape, [3]);
 * assert.throws(() => loadNpz(`${dir}/missing.npz`), /missing\.npz/);
 * Deno.removeSync(dir, { recursive: true });
 * ```
 */
export function loadNpz(path: string | URL): Record<string, Float64NdArray> {
  return decodeNpz(readFileFor(path, "loadNpz"), { source: String(path) });
}
