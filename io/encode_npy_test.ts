import assert from "node:assert/strict";
import { array, toNested } from "../mod.ts";
import { decodeNpy, encodeNpy } from "./mod.ts";
import { NUMPY_DIR } from "./testdata/_fixtures.ts";
import { testNeeding } from "../testing/_permissions.ts";

testNeeding(
  ["read"],
  "encodeNpy() writes the exact bytes np.save writes for float64 arrays",
  () => {
    for (
      const name of ["c_f8.npy", "f8.npy", "scalar_f8.npy", "empty_1d.npy"]
    ) {
      const file = Deno.readFileSync(new URL(name, NUMPY_DIR));
      assert.deepEqual(encodeNpy(decodeNpy(file)), file, name);
    }
  },
);

Deno.test("encodeNpy() writes strided views in C order", () => {
  const a = array([[1, 2, 3], [4, 5, 6]]).transpose(1, 0);
  const back = decodeNpy(encodeNpy(a));
  assert.deepEqual(toNested(back), [[1, 4], [2, 5], [3, 6]]);
  const stepped = array([0, 1, 2, 3, 4, 5]).step(2);
  assert.deepEqual(toNested(decodeNpy(encodeNpy(stepped))), [0, 2, 4]);
});

Deno.test("encodeNpy() pads the header with spaces to a multiple of 64 bytes", () => {
  for (const shape of [[], [0], [7, 0], [123456789, 0], [2, 3, 0, 5, 6, 7]]) {
    const a = shape.length === 0
      ? array(1)
      : array(new Float64Array(0), { shape });
    const bytes = encodeNpy(a);
    const headerEnd = bytes.indexOf(0x0a) + 1;
    assert.equal(headerEnd % 64, 0, `shape [${shape}]`);
    const header = new TextDecoder().decode(bytes.subarray(10, headerEnd));
    assert.match(
      header,
      /^\{'descr': '<f8', 'fortran_order': False, 'shape': \([0-9, ]*\), \} +\n$/,
    );
  }
});

Deno.test("encodeNpy() rejects values that are not float64 ndarrays", () => {
  assert.throws(
    () => encodeNpy([1, 2] as never),
    new TypeError(
      "Cannot encode array of length 2: encodeNpy() expects a float64 ndarray",
    ),
  );
});
