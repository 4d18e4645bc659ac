import assert from "node:assert/strict";
import { decodeNpy } from "./mod.ts";
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

/** Exact equality that tells -0 from 0 and takes NaN as equal to NaN. */
function assertSameValues(
  actual: Float64Array,
  wanted: Expected,
  name: string,
) {
  assert.equal(actual.length, wanted.values.length, name);
  actual.forEach((value, i) => {
    const want = toNumber(wanted.values[i]);
    assert.ok(
      Object.is(value, want),
      `${name}[${i}]: got ${value}, NumPy gives ${want}`,
    );
  });
}

const npyNames = Object.keys(expected).filter((name) => name.endsWith(".npy"));

testNeeding(
  ["read"],
  "decodeNpy() reads every NumPy dtype, byte order and layout as NumPy's astype(float64)",
  () => {
    assert.ok(npyNames.length >= 30, "the fixtures cover the dtypes");
    for (const name of npyNames) {
      const wanted = expected[name] as Expected;
      const a = decodeNpy(readFixture(name), { source: name });
      assert.deepEqual([...a.shape], wanted.shape, name);
      assertSameValues(toFlat(a), wanted, name);
    }
  },
);

testNeeding(
  ["read"],
  "decodeNpy() returns Fortran-ordered files in C order",
  () => {
    const a = decodeNpy(readFixture("fortran_f8.npy"));
    assert.deepEqual([...a.shape], [2, 3, 4]);
    assert.deepEqual([...a.stride], [12, 4, 1]);
    const wanted = expected["fortran_f8.npy"] as Expected;
    // Element [1, 2, 3] is the last one in C order.
    assert.equal(a.get(1, 2, 3), toNumber(wanted.values[23]));
    assert.equal(a.get(0, 1, 0), toNumber(wanted.values[4]));
  },
);

testNeeding(["read"], "decodeNpy() reads 0-d arrays and empty arrays", () => {
  const scalar = decodeNpy(readFixture("scalar_f8.npy"));
  assert.deepEqual([...scalar.shape], []);
  assert.equal(scalar.get(), -7.25);
  const empty = decodeNpy(readFixture("empty_3d.npy"));
  assert.deepEqual([...empty.shape], [2, 0, 3]);
  assert.equal(toFlat(empty).length, 0);
});

testNeeding(
  ["read"],
  "decodeNpy() refuses objects, strings, complex, datetimes and records, naming the file and dtype",
  () => {
    const refused = expected.refused as Record<string, string | null>;
    assert.equal(Object.keys(refused).length, 6);
    for (const [name, descr] of Object.entries(refused)) {
      assert.throws(
        () => decodeNpy(readFixture(name), { source: name }),
        (error: Error) => {
          assert.ok(error instanceof TypeError, name);
          assert.match(
            error.message,
            new RegExp(`^Cannot decode '${name}': decodeNpy\\(\\) found `),
          );
          if (descr === null) assert.match(error.message, /structured dtype/);
          else assert.ok(error.message.includes(`'${descr}'`), error.message);
          assert.match(
            error.message,
            /expected a bool, integer or float dtype/,
          );
          return true;
        },
      );
    }
  },
);

testNeeding(
  ["read"],
  "decodeNpy() rejects every truncation of a file and trailing bytes",
  () => {
    const bytes = readFixture("c_f8.npy");
    for (let length = 0; length < bytes.length; length++) {
      assert.throws(
        () => decodeNpy(bytes.subarray(0, length), { source: "c_f8.npy" }),
        /^(TypeError|RangeError): Cannot decode 'c_f8\.npy': decodeNpy\(\) found /,
        `length ${length}`,
      );
    }
    const longer = new Uint8Array(bytes.length + 8);
    longer.set(bytes);
    assert.throws(
      () => decodeNpy(longer),
      new RangeError(
        "Cannot decode the .npy data: decodeNpy() found 56 bytes of data, expected 48 for shape (2, 3) of dtype '<f8'",
      ),
    );
    assert.throws(
      () => decodeNpy(bytes.subarray(0, bytes.length - 8)),
      /found 40 bytes of data, expected 48 .*\(the file is truncated\)$/,
    );
  },
);

testNeeding(
  ["read"],
  "decodeNpy() names a bad magic string, version and header",
  () => {
    const good = readFixture("c_f8.npy");
    assert.throws(
      () =>
        decodeNpy(new TextEncoder().encode("PK\x03\x04 not numpy"), {
          source: "w.npz",
        }),
      new TypeError(
        `Cannot decode 'w.npz': decodeNpy() found "PK\\x03\\x04 n", expected a .npy file starting with the magic string "\\x93NUMPY"`,
      ),
    );
    const version = good.slice();
    version[6] = 4;
    assert.throws(
      () => decodeNpy(version),
      /found format version 4\.0, expected 1\.0, 2\.0 or 3\.0$/,
    );
    const header = (text: string): Uint8Array => {
      const body = new TextEncoder().encode(text);
      const out = new Uint8Array(10 + body.length);
      out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, body.length, 0]);
      out.set(body, 10);
      return out;
    };
    assert.throws(
      () => decodeNpy(header("[1, 2]\n")),
      /found a header that is not a dict$/,
    );
    assert.throws(
      () => decodeNpy(header("{'descr': '<f8', 'shape': ()}\n")),
      /found header keys \["descr","shape"\], expected "descr", "fortran_order" and "shape"$/,
    );
    assert.throws(
      () =>
        decodeNpy(
          header("{'descr': '<f8', 'fortran_order': False, 'shape': [2]}"),
        ),
      /found shape a list of 1 items, expected a tuple of non-negative integers$/,
    );
    assert.throws(
      () =>
        decodeNpy(
          header("{'descr': '<f8', 'fortran_order': False, 'shape': (-1,)}"),
        ),
      /expected a tuple of non-negative integers$/,
    );
    assert.throws(
      () =>
        decodeNpy(header("{'descr': '<f8', 'fortran_order': 0, 'shape': ()}")),
      /found a fortran_order that is not True or False$/,
    );
    assert.throws(
      () => decodeNpy(header("{'descr': __import__('os'), }")),
      /cannot parse the header .*Expected a Python literal at character 10/,
    );
    assert.throws(
      () =>
        decodeNpy(
          header("{'descr': '<f16', 'fortran_order': False, 'shape': ()}"),
        ),
      /found dtype '<f16' \(no f16 numeric type\)/,
    );
    assert.throws(
      () =>
        decodeNpy(
          header("{'descr': '|f8', 'fortran_order': False, 'shape': ()}"),
        ),
      /byte order '\|' for a 8-byte type/,
    );
    // A Python 2 long and double quotes still parse, as NumPy allows.
    const python2 = header(
      `{"descr": "<f8", "fortran_order": False, "shape": (1L,), }`,
    );
    const withData = new Uint8Array(python2.length + 8);
    withData.set(python2);
    new DataView(withData.buffer).setFloat64(python2.length, 2.5, true);
    assert.equal(decodeNpy(withData).get(0), 2.5);
  },
);

Deno.test("decodeNpy() rejects input that is not a Uint8Array", () => {
  assert.throws(
    () => decodeNpy([1, 2, 3] as unknown as Uint8Array),
    new TypeError(
      "Cannot decode the .npy data: decodeNpy() expects the file's bytes as a Uint8Array",
    ),
  );
});
