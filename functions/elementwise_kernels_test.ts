// exp, log, tanh, sin and cos run a WebAssembly SIMD kernel on contiguous
// rows and a Math loop otherwise; both must agree with a plain reference loop
// on every layout.

import assert from "node:assert/strict";
import {
  contiguousStrides,
  type Float64NdArray,
  view,
} from "../core/_ndarray.ts";
import { type KernelMode, useKernels } from "../core/_wasm/_instance.ts";
import { Variable } from "../core/variable.ts";
import { cos } from "./cos.ts";
import { exp } from "./exp.ts";
import { log } from "./log.ts";
import { sigmoid } from "./sigmoid.ts";
import { sin } from "./sin.ts";
import { tanh } from "./tanh.ts";

const FUNCTIONS = [
  { name: "exp", f: exp, math: Math.exp },
  { name: "log", f: log, math: Math.log },
  { name: "tanh", f: tanh, math: Math.tanh },
  { name: "sin", f: sin, math: Math.sin },
  { name: "cos", f: cos, math: Math.cos },
  {
    name: "sigmoid",
    f: sigmoid,
    math: (x: number) => Math.tanh(x * 0.5) * 0.5 + 0.5,
  },
];

/** Positive values in (0.01, 4), so log is defined too. */
function random(shape: number[], seed: number): Float64NdArray {
  let state = seed >>> 0;
  const size = shape.reduce((x, y) => x * y, 1);
  const data = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    state = (state * 1664525 + 1013904223) >>> 0;
    data[i] = 0.01 + 4 * (state / 4294967296);
  }
  return view(data, shape, contiguousStrides(shape), 0);
}

/** Every element of `a` in row-major order, whatever its strides. */
function elements(a: Float64NdArray): number[] {
  const out: number[] = [];
  const walk = (axis: number, offset: number): void => {
    if (axis === a.shape.length) {
      out.push(a.data[offset]);
      return;
    }
    for (let i = 0; i < a.shape[axis]; i++) {
      walk(axis + 1, offset + i * a.stride[axis]);
    }
  };
  walk(0, a.offset);
  return out;
}

function layouts(): [string, Float64NdArray][] {
  return [
    ["random 1000", random([1000], 1)],
    ["odd 33x17", random([33, 17], 2)],
    ["transposed 40x30", random([30, 40], 3).transpose(1, 0)],
    ["broadcast row", view(random([50], 4).data, [20, 50], [0, 1], 0)],
    ["offset slice", random([60, 70], 5).hi(50, 61).lo(3, 5)],
    ["1xN", random([1, 257], 6)],
    ["Nx1", random([257, 1], 7)],
    ["empty", random([0, 5], 8)],
    ["short", random([3], 9)],
    ["0-d", view(new Float64Array([0.7]), [], [], 0)],
  ];
}

Deno.test("exp, log, tanh, sin, cos and sigmoid agree with a plain loop under every kernel choice", () => {
  const modes: KernelMode[] = ["auto", "relaxed-simd", "simd", "typescript"];
  try {
    for (const mode of modes) {
      useKernels(mode);
      for (const { name, f, math } of FUNCTIONS) {
        for (const [label, x] of layouts()) {
          const y = f(new Variable(x)).data;
          assert.deepEqual([...y.shape], [...x.shape]);
          const got = elements(y);
          const want = elements(x).map(math);
          for (let i = 0; i < want.length; i++) {
            const tolerance = 4 * Number.EPSILON * Math.abs(want[i]);
            assert.ok(
              Math.abs(got[i] - want[i]) <= tolerance,
              `${mode} ${name} ${label} [${i}]: ${got[i]}, expected ${want[i]}`,
            );
          }
          if (mode === "typescript") {
            // The fallback is the Math loop itself: exactly equal.
            assert.deepEqual(got, want, `${name} ${label}`);
          }
        }
      }
    }
  } finally {
    useKernels("auto");
  }
});
