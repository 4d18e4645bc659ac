import assert from "node:assert/strict";
import { unzipSync } from "fflate";
import { array, toNested } from "../mod.ts";
import { decodeNpz, encodeNpy, encodeNpz } from "./mod.ts";
import { fixtureArrays, ourFixtures, OURS_DIR } from "./testdata/_fixtures.ts";
import { testNeeding } from "../testing/_permissions.ts";

testNeeding(
  ["read"],
  "encodeNpy() and encodeNpz() still write the files np.load was checked against",
  () => {
    // make_fixtures.py checked these committed files with np.load; when the
    // writer changes, `deno task fixtures:io` rewrites and re-checks them.
    for (const fixture of ourFixtures()) {
      const committed = Deno.readFileSync(new URL(fixture.file, OURS_DIR));
      const arrays = fixtureArrays(fixture);
      const bytes = fixture.file.endsWith(".npy")
        ? encodeNpy(arrays[""])
        : encodeNpz(arrays, { compressed: fixture.compressed });
      assert.deepEqual(
        bytes,
        committed,
        `${fixture.file} changed: run deno task fixtures:io`,
      );
    }
  },
);

/** The compression method of each member, from the local file headers. */
function methods(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const found: number[] = [];
  let at = 0;
  while (view.getUint32(at, true) === 0x04034b50) {
    found.push(view.getUint16(at + 8, true));
    const size = view.getUint32(at + 18, true);
    at += 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true) +
      size;
  }
  return found;
}

Deno.test("encodeNpz() stores members as np.savez does, or deflates them as np.savez_compressed", () => {
  const arrays = { "l0/W": array([[1, 2], [3, 4]]), b: array([0, 0, 0, 0]) };
  const stored = encodeNpz(arrays);
  const deflated = encodeNpz(arrays, { compressed: true });
  assert.deepEqual(methods(stored), [0, 0]);
  assert.deepEqual(methods(deflated), [8, 8]);
  assert.deepEqual(Object.keys(unzipSync(stored)), ["l0/W.npy", "b.npy"]);
  assert.deepEqual(unzipSync(deflated)["b.npy"], encodeNpy(arrays.b));
  assert.deepEqual(toNested(decodeNpz(deflated)["l0/W"]), [[1, 2], [3, 4]]);
});

Deno.test("encodeNpz() gives the same bytes for the same arrays at any time", () => {
  const arrays = { x: array([1, 2, 3]) };
  const first = encodeNpz(arrays, { compressed: true });
  assert.deepEqual(encodeNpz(arrays, { compressed: true }), first);
  assert.deepEqual(encodeNpz({}), encodeNpz({}));
  assert.deepEqual(decodeNpz(encodeNpz({})), {});
});

Deno.test("encodeNpz() rejects what is not an object of named float64 arrays", () => {
  assert.throws(
    () => encodeNpz([array(1)] as never),
    new TypeError(
      "Cannot encode array of length 1: encodeNpz() expects an object of float64 ndarrays by name",
    ),
  );
  assert.throws(
    () => encodeNpz({ w: array(1), b: [1, 2] as never }),
    new TypeError(
      'Cannot encode array of length 2 named "b": encodeNpz() expects float64 ndarrays',
    ),
  );
  assert.throws(
    () => encodeNpz({ "": array(1) }),
    new TypeError(
      'Cannot encode an array named "": encodeNpz() expects non-empty names',
    ),
  );
});
