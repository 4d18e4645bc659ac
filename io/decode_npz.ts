import { type Unzipped, unzipSync } from "fflate";
import { readNpy } from "./_npy_format.ts";
import { crc32, zipChecksums } from "./_zip_checksums.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";

/**
 * Options of {@linkcode decodeNpz}.
 *
 * @example
 * ```ts
 * import { decodeNpz } from "@dezero/core/io";
 * import assert from "node:assert/strict";
 *
 * assert.throws(
 *   () => decodeNpz(new Uint8Array([1, 2, 3]), { source: "weights.npz" }),
 *   /weights\.npz/,
 * );
 * ```
 */
export interface DecodeNpzOptions {
  /** The file name to show in error messages. */
  source?: string;
}

/**
 * Decode the bytes of a NumPy `.npz` archive (from `np.savez` or
 * `np.savez_compressed`) into float64 arrays by name, the names as `np.load`
 * gives them (`l0/W.npy` becomes `l0/W`). Each member is read as
 * {@linkcode decodeNpy} reads a file, and every member's CRC-32 is checked.
 * Any problem throws an error naming the file and the member; nothing is
 * returned half-loaded.
 *
 * @param bytes The whole file.
 * @param options `source`, the file name for error messages.
 * @returns The arrays by name, in the archive's order.
 *
 * @example
 * ```ts
 * import { array } from "@dezero/core";
 * import { decodeNpz, encodeNpz } from "@dezero/core/io";
 * import assert from "node:assert/strict";
 *
 * const loaded = decodeNpz(encodeNpz({ x: array(3) }));
 * assert.equal(loaded.x.get(), 3);
 * assert.throws(
 *   () => decodeNpz(new Uint8Array(4), { source: "w.npz" }),
 *   /Cannot decode 'w.npz': decodeNpz\(\) found/,
 * );
 * ```
 */
export function decodeNpz(
  bytes: Uint8Array,
  options: DecodeNpzOptions = {},
): Record<string, Float64NdArray> {
  const where = options.source === undefined
    ? "the .npz data"
    : `'${options.source}'`;
  const fail = (detail: string): never => {
    throw new TypeError(`Cannot decode ${where}: decodeNpz() ${detail}`);
  };
  if (!(bytes instanceof Uint8Array)) {
    fail("expects the file's bytes as a Uint8Array");
  }
  // A zip starts with a local file header, or is empty and starts with its
  // end record; anything else is not an .npz (a lone .npy, say).
  const signature = bytes.length >= 4
    ? new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true)
    : 0;
  if (signature !== 0x04034b50 && signature !== 0x06054b50) {
    fail(
      `found ${
        describeStart(bytes)
      }, expected a zip archive starting with "PK"`,
    );
  }
  let members: Unzipped = {};
  let checksums = new Map<string, number>();
  try {
    members = unzipSync(bytes);
    checksums = zipChecksums(bytes);
  } catch (error) {
    fail(
      `found a corrupt or truncated zip archive: ${(error as Error).message}`,
    );
  }
  const arrays: [string, Float64NdArray][] = [];
  for (const [name, data] of Object.entries(members)) {
    // Directory entries appear in archives made by other zip tools.
    if (name.endsWith("/") && data.length === 0) continue;
    const member = `${where} member '${name}'`;
    if (crc32(data) !== checksums.get(name)) {
      throw new TypeError(
        `Cannot decode ${member}: decodeNpz() found a CRC-32 mismatch, the data is corrupt`,
      );
    }
    if (!name.endsWith(".npy")) {
      throw new TypeError(
        `Cannot decode ${member}: decodeNpz() expects only .npy members`,
      );
    }
    arrays.push([name.slice(0, -4), readNpy(data, member, "decodeNpz")]);
  }
  return Object.fromEntries(arrays);
}

function describeStart(bytes: Uint8Array): string {
  if (bytes.length === 0) return "an empty file";
  const start = Array.from(
    bytes.subarray(0, 4),
    (byte) =>
      byte >= 0x20 && byte < 0x7f && byte !== 0x22
        ? String.fromCharCode(byte)
        : `\\x${byte.toString(16).padStart(2, "0")}`,
  ).join("");
  return `"${start}"`;
}
