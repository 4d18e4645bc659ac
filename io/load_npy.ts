import { readNpy } from "./_npy_format.ts";
import { readFileFor } from "./_files.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";

/**
 * Load a NumPy `.npy` file as a float64 array, reading every dtype that
 * {@linkcode decodeNpy} reads. Synchronous. Errors name the file. Needs
 * `--allow-read` for the file.
 *
 * @param path The file to read.
 * @returns A new contiguous float64 array of the file's shape.
 *
 * @example
 * ```ts
 * import { array } from "@dezero/core";
 * import { loadNpy, saveNpy } from "@dezero/core/io";
 * import assert from "node:assert/strict";
 *
 * const dir = Deno.makeTempDirSync();
 * saveNpy(`${dir}/scalar.npy`, array(2.5));
 * assert.equal(loadNpy(`${dir}/scalar.npy`).get(), 2.5);
 * Deno.removeSync(dir, { recursive: true });
 * ```
 */
export function loadNpy(path: string | URL): Float64NdArray {
  return readNpy(readFileFor(path, "loadNpy"), `'${path}'`, "loadNpy");
}
