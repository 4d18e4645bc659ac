import assert from "node:assert/strict";
import {
  assemble,
  renderKernels,
  withConstantsInMemory,
  withInlinedCalls,
  withoutRelaxedSimd,
} from "./build.ts";
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

Deno.test("the build moves every v128 constant into one data segment", () => {
  const source = `(module
  (func (result v128)
    (f64x2.add (v128.const f64x2 0x1p-1022 0x1p-1022) (v128.const f64x2 0.5 0.5))
    (v128.const i64x2 0x8000000000000000 1023)
    (v128.const f64x2 0.5 0.5)))
`;
  const moved = withConstantsInMemory(source);
  assert.doesNotMatch(moved, /v128\.const/);
  // Three distinct constants, the repeated 0.5 stored once.
  assert.equal(moved.match(/v128\.load offset=0 /g)?.length, 1);
  assert.equal(moved.match(/v128\.load offset=16 /g)?.length, 2);
  assert.equal(moved.match(/v128\.load offset=32 /g)?.length, 1);
  const data = /\(data \(i32\.const 1024\) "([^"]*)"\)/.exec(moved);
  assert.ok(data !== null, "a data segment at byte 1024");
  const bytes = new Uint8Array(
    data[1].split("\\").slice(1).map((hex) => parseInt(hex, 16)),
  );
  const view = new DataView(bytes.buffer);
  assert.equal(view.getFloat64(0, true), 2 ** -1022);
  assert.equal(view.getFloat64(8, true), 2 ** -1022);
  assert.equal(view.getFloat64(16, true), 0.5);
  assert.equal(view.getBigUint64(32, true), 0x8000000000000000n);
  assert.equal(view.getBigUint64(40, true), 1023n);
});

Deno.test("the build pastes the approximations into their callers", async () => {
  const source = `(module
  (func $twice (param $x v128) (result v128)
    (local $y v128)
    (local.set $y (f64x2.add (local.get $x) (local.get $x)))
    (local.get $y))
  (func $pair (param $x v128) (result v128 v128)
    (call $twice (local.get $x))
    (local.get $x))
  (func (export "f") (param $a f64) (result f64)
    (call $pair (call $twice (f64x2.splat (local.get $a))))
    (f64x2.sub)
    (f64x2.extract_lane 1)))
`;
  const inlined = withInlinedCalls(source, new Set(["$twice", "$pair"]));
  assert.doesNotMatch(inlined, /call|\$twice|\$pair/);
  // Each call site gets its own renamed parameters and locals.
  assert.match(inlined, /\(local \$inl\d+_x v128\)/);
  assert.equal(inlined.match(/\(block \(result v128 v128\)/g)?.length, 1);
  assert.equal(inlined.match(/\(block \(result v128\)/g)?.length, 2);
  // Both compute f(a) = 4a - 2a.
  for (const text of [source, inlined]) {
    const bytes = new Uint8Array(await assemble("test.wat", text));
    const module = new WebAssembly.Module(bytes);
    const f = new WebAssembly.Instance(module).exports.f as (
      a: number,
    ) => number;
    assert.equal(f(1.5), 3);
  }
});
