// The elementwise WebAssembly kernels alone, writing 1e6 results into an
// array that already exists, against a loop of Math.* into the same array:
// what the kernels cost once no fresh memory is involved (the `exp 1e6` rows
// of dense_bench.ts also pay for a new 8 MB result). Compare with NumPy's
// `np.exp(x, out=y)`: `bench/numpy_dense.py` prints both forms.
// Run with `deno bench bench/kernels_bench.ts`.

import { mapWasm } from "../core/_wasm/_elementwise.ts";
import type { ElementwiseName } from "../core/_wasm/_instance.ts";

const MILLION = 1_000_000;
type MathName = Exclude<ElementwiseName, "sigmoid">;

const RANGES: Record<MathName, [number, number]> = {
  exp: [-5, 5],
  log: [0.01, 10],
  tanh: [-3, 3],
  sin: [-10, 10],
  cos: [-10, 10],
};

for (const [name, [lo, hi]] of Object.entries(RANGES)) {
  const kernel = name as MathName;
  const x = new Float64Array(MILLION);
  for (let i = 0; i < MILLION; i++) x[i] = lo + (hi - lo) * i / MILLION;
  const y = new Float64Array(MILLION);
  const f = Math[kernel];
  Deno.bench(`${name} 1e6 into an existing array: WebAssembly`, {
    group: name,
  }, () => {
    mapWasm(kernel, x, 0, y, 0, MILLION);
  });
  Deno.bench(`${name} 1e6 into an existing array: Math.${name} loop`, {
    group: name,
    baseline: true,
  }, () => {
    for (let i = 0; i < MILLION; i++) y[i] = f(x[i]);
  });
}
