import assert from "node:assert/strict";
import { crc32 } from "./_zip_checksums.ts";

Deno.test("crc32() gives the standard check value", () => {
  // The CRC-32 check value from the catalogue of CRC algorithms.
  assert.equal(crc32(new TextEncoder().encode("123456789")), 0xcbf43926);
  assert.equal(crc32(new Uint8Array()), 0);
});
