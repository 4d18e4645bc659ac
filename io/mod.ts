/**
 * Files: NumPy's `.npy` and `.npz` formats (read and written byte-compatibly
 * with `np.save`, `np.savez`, `np.savez_compressed` and `np.load`), IDX files
 * such as MNIST's, and {@linkcode getFile}, a download cache like DeZero's
 * `get_file`.
 *
 * @example Arrays to an `.npz` archive and back
 * ```ts
 * import { array, toNested } from "@dezero/core";
 * import { decodeNpz, encodeNpz } from "@dezero/core/io";
 * import assert from "node:assert/strict";
 *
 * const bytes = encodeNpz({ "l0/W": array([[1, 2], [3, 4]]) });
 * assert.deepEqual(toNested(decodeNpz(bytes)["l0/W"]), [[1, 2], [3, 4]]);
 * ```
 *
 * @module
 */
export * from "./decode_npy.ts";
export * from "./decode_npz.ts";
export * from "./encode_npy.ts";
export * from "./encode_npz.ts";
export * from "./get_file.ts";
export * from "./load_npy.ts";
export * from "./load_npz.ts";
export * from "./read_idx.ts";
export * from "./save_npy.ts";
export * from "./save_npz.ts";
