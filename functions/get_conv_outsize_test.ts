import assert from "node:assert/strict";
import { getConvOutsize } from "../mod.ts";

Deno.test("getConvOutsize() gives the book's step 55 sizes and floors uneven strides", () => {
  assert.equal(getConvOutsize(4, 3, 1, 1), 4);
  assert.equal(getConvOutsize(28, 3), 26);
  assert.equal(getConvOutsize(7, 3, 2, 0), 3);
  assert.equal(getConvOutsize(6, 3, 2, 0), 2);
  assert.equal(getConvOutsize(2, 3, 1, 1), 2);
});

Deno.test("getConvOutsize() rejects a kernel larger than the padded input and bad numbers", () => {
  assert.throws(() => getConvOutsize(2, 5, 1, 1), {
    name: "RangeError",
    message:
      "Cannot fit kernel 5 into input 2 with pad 1: getConvOutsize needs inputSize + 2 * pad >= kernelSize, got 4",
  });
  assert.throws(() => getConvOutsize(4, 3, 0, 0), {
    name: "RangeError",
    message:
      "Cannot compute the output size of input 4, kernel 3, stride 0, pad 0: getConvOutsize expects input >= 0, kernel >= 1, stride >= 1, pad >= 0",
  });
  assert.throws(() => getConvOutsize(4, 3, -1), RangeError);
  assert.throws(() => getConvOutsize(4.5, 3), {
    name: "TypeError",
    message:
      "Cannot use number 4.5 as inputSize: getConvOutsize expects integers",
  });
});
