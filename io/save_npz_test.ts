import assert from "node:assert/strict";
import { array, toNested } from "../mod.ts";
import { loadNpy, loadNpz, saveNpy, saveNpz } from "./mod.ts";
import { NUMPY_DIR } from "./testdata/_fixtures.ts";
import { testNeeding } from "../testing/_permissions.ts";

function withTempDir(body: (dir: string) => void): void {
  const dir = Deno.makeTempDirSync({ prefix: "dezero_io_" });
  try {
    body(dir);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
}

testNeeding(
  ["read", "write"],
  "saveNpz() and loadNpz() round-trip through a file and leave nothing else behind",
  () => {
    withTempDir((dir) => {
      const path = `${dir}/weights.npz`;
      saveNpz(path, { "l0/W": array([[1, 2]]), "l0/b": array([3]) }, {
        compressed: true,
      });
      saveNpz(path, { "l0/W": array([[5, 6]]) }); // replaces the first file
      assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name), [
        "weights.npz",
      ]);
      const loaded = loadNpz(path);
      assert.deepEqual(Object.keys(loaded), ["l0/W"]);
      assert.deepEqual(toNested(loaded["l0/W"]), [[5, 6]]);
    });
  },
);

testNeeding(
  ["read", "write"],
  "loadNpz() reads a NumPy file from a URL",
  () => {
    const loaded = loadNpz(new URL("savez_compressed.npz", NUMPY_DIR));
    assert.deepEqual(toNested(loaded["l1/b"]), [-1]);
  },
);

testNeeding(
  ["read", "write"],
  "saveNpy() and loadNpy() round-trip a 0-d array",
  () => {
    withTempDir((dir) => {
      saveNpy(`${dir}/x.npy`, array(-0.5));
      assert.equal(loadNpy(`${dir}/x.npy`).get(), -0.5);
    });
  },
);

testNeeding(
  ["read", "write"],
  "loadNpz() and loadNpy() name a missing or corrupt file",
  () => {
    withTempDir((dir) => {
      assert.throws(
        () => loadNpz(`${dir}/missing.npz`),
        (error: Error) =>
          error instanceof Deno.errors.NotFound &&
          error.message.startsWith(
            `Cannot read '${dir}/missing.npz': loadNpz() failed: `,
          ),
      );
      Deno.writeFileSync(`${dir}/bad.npz`, new Uint8Array([1, 2, 3]));
      assert.throws(
        () => loadNpz(`${dir}/bad.npz`),
        new TypeError(
          `Cannot decode '${dir}/bad.npz': decodeNpz() found "\\x01\\x02\\x03", expected a zip archive starting with "PK"`,
        ),
      );
      assert.throws(
        () => loadNpy(`${dir}/bad.npz`),
        /^TypeError: Cannot decode '.*bad\.npz': loadNpy\(\) found /,
      );
    });
  },
);

testNeeding(
  ["read", "write"],
  "saveNpz() writes nothing when the arrays are bad or the folder is missing",
  () => {
    withTempDir((dir) => {
      assert.throws(
        () => saveNpz(`${dir}/w.npz`, { w: 1 as never }),
        TypeError,
      );
      assert.throws(
        () => saveNpz(`${dir}/no/such/w.npz`, { w: array(1) }),
        (error: Error) =>
          error instanceof Deno.errors.NotFound &&
          error.message.startsWith(`Cannot write '${dir}/no/such/w.npz'`),
      );
      assert.deepEqual([...Deno.readDirSync(dir)], []);
    });
  },
);
