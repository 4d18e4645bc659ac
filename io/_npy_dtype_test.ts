import assert from "node:assert/strict";
import { parseDtype } from "./_npy_dtype.ts";

Deno.test("parseDtype() reads byte order, kind and size", () => {
  assert.deepEqual(parseDtype(">i8"), {
    descr: ">i8",
    kind: "i",
    itemSize: 8,
    littleEndian: false,
  });
  assert.equal(parseDtype("|O"), "'|O' (Python objects)");
  assert.equal(parseDtype("<U12"), "'<U12' (unicode strings)");
  assert.equal(parseDtype("<c8"), "'<c8' (complex numbers)");
  assert.equal(parseDtype("<f3"), "'<f3' (no f3 numeric type)");
  assert.equal(parseDtype("float64"), "'float64' (not a NumPy dtype string)");
});
