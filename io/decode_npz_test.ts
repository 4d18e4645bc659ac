import assert from "node:assert/strict";
import { zipSync } from "fflate";
import { array, toNested } from "../mod.ts";
import { decodeNpz, encodeNpy, encodeNpz } from "./mod.ts";
import { toFlat } from "../core/_ndarray.ts";
import {
  type Expected,
  NUMPY_DIR,
  readExpected,
  toNumber,
} from "./testdata/_fixtures.ts";
import { granted, testNeeding } from "../testing/_permissions.ts";

// Without --allow-read the tests that need the fixtures are skipped.
const expected = granted("read") ? readExpected(NUMPY_DIR) : {};

function readFixture(name: string): Uint8Array {
  return Deno.readFileSync(new URL(name, NUMPY_DIR));
}

testNeeding(
  ["read"],
  "decodeNpz() reads np.savez, np.savez_compressed and DeZero's save_weights files",
  () => {
    for (
      const name of [
        "savez.npz",
        "savez_compressed.npz",
        "positional.npz",
        "dezero_weights.npz",
      ]
    ) {
      const wanted = expected[name] as Record<string, Expected>;
      const arrays = decodeNpz(readFixture(name), { source: name });
      assert.deepEqual(Object.keys(arrays).sort(), Object.keys(wanted).sort());
      for (const [key, want] of Object.entries(wanted)) {
        assert.deepEqual([...arrays[key].shape], want.shape, `${name} ${key}`);
        const values = toFlat(arrays[key]);
        want.values.forEach((value, i) =>
          assert.ok(
            Object.is(values[i], toNumber(value)),
            `${name} ${key}[${i}]`,
          )
        );
      }
    }
    // np.savez keeps the keyword order; so do we.
    assert.deepEqual(Object.keys(decodeNpz(readFixture("savez.npz"))), [
      "l0/W",
      "l0/b",
      "l1/W",
      "l1/b",
      "step",
      "empty",
      "counts",
    ]);
  },
);

testNeeding(
  ["read"],
  "decodeNpz() names the file and member of an object array",
  () => {
    assert.throws(
      () => decodeNpz(readFixture("with_object.npz"), { source: "w.npz" }),
      new TypeError(
        "Cannot decode 'w.npz' member 'bad.npy': decodeNpz() found dtype '|O' (Python objects), expected a bool, integer or float dtype such as '<f8'",
      ),
    );
  },
);

testNeeding(
  ["read"],
  "decodeNpz() rejects every truncation of an archive",
  () => {
    for (const name of ["savez.npz", "savez_compressed.npz"]) {
      const bytes = readFixture(name);
      for (let length = 0; length < bytes.length; length += 7) {
        assert.throws(
          () => decodeNpz(bytes.subarray(0, length), { source: name }),
          (error: Error) =>
            error instanceof TypeError &&
            error.message.startsWith(`Cannot decode '${name}'`),
          `${name} cut to ${length} bytes`,
        );
      }
    }
  },
);

testNeeding(
  ["read"],
  "decodeNpz() finds a flipped bit through the CRC-32",
  () => {
    const bytes = readFixture("savez.npz").slice();
    // The last element of the first member ('l0/W.npy', stored as it is).
    const at = bytes.indexOf(0x0a, 30) + 6 * 8;
    bytes[at] ^= 0x10;
    assert.throws(
      () => decodeNpz(bytes, { source: "savez.npz" }),
      new TypeError(
        "Cannot decode 'savez.npz' member 'l0/W.npy': decodeNpz() found a CRC-32 mismatch, the data is corrupt",
      ),
    );
  },
);

Deno.test("decodeNpz() says what it expected from a file that is not a zip", () => {
  assert.throws(
    () => decodeNpz(encodeNpy(array([1])), { source: "x.npy" }),
    new TypeError(
      `Cannot decode 'x.npy': decodeNpz() found "\\x93NUM", expected a zip archive starting with "PK"`,
    ),
  );
  assert.throws(
    () => decodeNpz(new Uint8Array()),
    new TypeError(
      `Cannot decode the .npz data: decodeNpz() found an empty file, expected a zip archive starting with "PK"`,
    ),
  );
  assert.throws(
    () => decodeNpz("PK" as never),
    /decodeNpz\(\) expects the file's bytes as a Uint8Array/,
  );
});

Deno.test("decodeNpz() refuses members that are not .npy and skips folders", () => {
  const npy = encodeNpy(array([1, 2]));
  const other = zipSync({ "a.npy": npy, "notes.txt": new Uint8Array([65]) });
  assert.throws(
    () => decodeNpz(other, { source: "o.npz" }),
    new TypeError(
      "Cannot decode 'o.npz' member 'notes.txt': decodeNpz() expects only .npy members",
    ),
  );
  const folders = zipSync({ "l0/": new Uint8Array(), "l0/W.npy": npy });
  assert.deepEqual(Object.keys(decodeNpz(folders)), ["l0/W"]);
});

Deno.test("decodeNpz() reads back what encodeNpz() wrote, keys with '/' included", () => {
  const arrays = {
    "l0/W": array([[1, -2.5], [1e-300, 3]]).transpose(1, 0),
    "deep/er/key": array(7),
    "ünïcode": array([]),
  };
  for (const compressed of [false, true]) {
    const back = decodeNpz(encodeNpz(arrays, { compressed }));
    assert.deepEqual(Object.keys(back), Object.keys(arrays));
    assert.deepEqual(toNested(back["l0/W"]), [[1, 1e-300], [-2.5, 3]]);
    assert.equal(back["deep/er/key"].get(), 7);
    assert.deepEqual([...back["ünïcode"].shape], [0]);
  }
});
