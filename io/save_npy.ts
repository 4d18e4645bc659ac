import { encodeNpy } from "./encode_npy.ts";
import { writeFileFor } from "./_files.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";

/**
 * Save a float64 array to a NumPy `.npy` file, byte for byte as `np.save`
 * writes it. Synchronous; written under a temporary name and renamed, so an
 * interrupted save never leaves a half-written file. Needs `--allow-write`.
 *
 * @param path Where to write; an existing file is replaced.
 * @param a The array.
 *
 * @example
 * ```ts
 * import { array, toNested } from "@dezero/core";
 * import { loadNpy, saveNpy } from "@dezero/core/io";
 * import assert from "node:assert/strict";
 *
 * const dir = Deno.makeTempDirSync();
 * saveNpy(`${dir}/x.npy`, array([[1, 2]]));
 * assert.deepEqual(toNested(loadNpy(`${dir}/x.npy`)), [[1, 2]]);
 * Deno.removeSync(dir, { recursive: true });
 * ```
 */
export function saveNpy(path: string | URL, a: Float64NdArray): void {
  writeFileFor(path, encodeNpy(a), "saveNpy");
}
