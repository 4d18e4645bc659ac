import assert from "node:assert/strict";
import { renderKernels, withoutRelaxedSimd } from "./build.ts";
import { testNeeding } from "../../testing/_permissions.ts";

testNeeding(
  ["read"],
  "the committed kernels are the ones kernels.wat assembles to",
  async () => {
    const committed = await Deno.readTextFile(
      new URL("./_kernels_wasm.ts", import.meta.url),
    );
    assert.equal(committed, await renderKernels());
  },
);

Deno.test("the plain-SIMD build unfuses every relaxed multiply-add", () => {
  assert.equal(
    withoutRelaxedSimd(
      "(f64x2.relaxed_madd (local.get $x) (local.get $b0) (local.get $c00))",
    ),
    "(f64x2.add (f64x2.mul (local.get $x) (local.get $b0)) (local.get $c00))",
  );
  assert.throws(
    () =>
      withoutRelaxedSimd(
        "(f64x2.relaxed_madd (local.get $x) (f64.const 1) (local.get $y))",
      ),
    /not in the form/,
  );
});
