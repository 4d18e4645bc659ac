import { encodeNpz, type EncodeNpzOptions } from "./encode_npz.ts";
import { writeFileFor } from "./_files.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";

/**
 * Save named float64 arrays to a NumPy `.npz` file, as `np.savez` (or, with
 * `compressed`, `np.savez_compressed`) does; `np.load` reads it. Synchronous,
 * like DeZero's `save_weights`. The file is written under a temporary name and
 * renamed, so an interrupted save never leaves a half-written file behind.
 * Needs `--allow-write` for the folder.
 *
 * @param path Where to write; an existing file is replaced.
 * @param arrays The arrays by name; names may contain `/`.
 * @param options `compressed` to deflate the members.
 *
 * @example
 * ```ts
 * import { array, toNested } from "@dezero/core";
 * import { loadNpz, saveNpz } from "@dezero/core/io";
 * import assert from "node:assert/strict";
 *
 * const dir = Deno.makeTempDirSync();
 * saveNpz(`${dir}/weights.npz`, { "l0/W": array([[1, 2], [3, 4]]) }, {
 *   compressed: true,
 * });
 * const loaded = loadNpz(`${dir}/weights.npz`);
 * assert.deepEqual(toNested(loaded["l0/W"]), [[1, 2], [3, 4]]);
 * Deno.removeSync(dir, { recursive: true });
 * ```
 */
export function saveNpz(
  path: string | URL,
  arrays: Record<string, Float64NdArray>,
  options: EncodeNpzOptions = {},
): void {
  writeFileFor(path, encodeNpz(arrays, options), "saveNpz");
}
