import { type Zippable, zipSync } from "fflate";
import { writeNpy } from "./_write_npy.ts";
import { describe } from "../core/_describe.ts";
import { type Float64NdArray, isFloat64NdArray } from "../core/_ndarray.ts";

/**
 * Options of {@linkcode encodeNpz}.
 *
 * @example
 * ```ts
 * import { zeros } from "@dezero/core";
 * import { decodeNpz, encodeNpz } from "@dezero/core/io";
 * import assert from "node:assert/strict";
 *
 * const arrays = { w: zeros([100]) };
 * const stored = encodeNpz(arrays);
 * const deflated = encodeNpz(arrays, { compressed: true });
 * assert.ok(deflated.length < stored.length);
 * assert.equal(decodeNpz(deflated).w.get(99), 0);
 * ```
 */
export interface EncodeNpzOptions {
  /**
   * Deflate the members as `np.savez_compressed` does (default `false`:
   * stored as they are, as `np.savez` does).
   */
  compressed?: boolean;
}

// Every member gets this modification time, so the same arrays always give
// the same bytes (NumPy stamps the current time). Built from local-time parts
// because zip stores local time: the bytes are the same in every time zone.
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

/**
 * Encode named float64 arrays as the bytes of a NumPy `.npz` archive: a zip
 * with one `.npy` member per key (`l0/W` becomes `l0/W.npy`), which
 * `np.load` reads back under the same keys. The output depends only on the
 * arrays, their order and `compressed`.
 *
 * @param arrays The arrays by name; names may contain `/`.
 * @param options `compressed` to deflate as `np.savez_compressed` does.
 * @returns The bytes of the `.npz` file.
 *
 * @example
 * ```ts
 * import { array, toNested } from "@dezero/core";
 * import { decodeNpz, encodeNpz } from "@dezero/core/io";
 * import assert from "node:assert/strict";
 *
 * const bytes = encodeNpz({ "l0/W": array([[1, 2]]), "l0/b": array([0.5]) }, {
 *   compressed: true,
 * });
 * const loaded = decodeNpz(bytes);
 * assert.deepEqual(Object.keys(loaded), ["l0/W", "l0/b"]);
 * assert.deepEqual(toNested(loaded["l0/W"]), [[1, 2]]);
 * ```
 */
export function encodeNpz(
  arrays: Record<string, Float64NdArray>,
  options: EncodeNpzOptions = {},
): Uint8Array {
  if (typeof arrays !== "object" || arrays === null || Array.isArray(arrays)) {
    throw new TypeError(
      `Cannot encode ${
        describe(arrays)
      }: encodeNpz() expects an object of float64 ndarrays by name`,
    );
  }
  const level = options.compressed === true ? 6 : 0;
  const members: Zippable = {};
  for (const [name, a] of Object.entries(arrays)) {
    if (name === "") {
      throw new TypeError(
        'Cannot encode an array named "": encodeNpz() expects non-empty names',
      );
    }
    if (!isFloat64NdArray(a)) {
      throw new TypeError(
        `Cannot encode ${
          describe(a)
        } named "${name}": encodeNpz() expects float64 ndarrays`,
      );
    }
    members[`${name}.npy`] = [writeNpy(a), { level, mtime: FIXED_TIME }];
  }
  return zipSync(members);
}
