// gradientCheck on a 100x100 input with a cheap function: fast mode (random
// projections) against full mode (every element).

import { array, square, tanh, type Variable } from "../mod.ts";
import { gradientCheck } from "../testing/mod.ts";

const x = array(
  Float64Array.from({ length: 100 * 100 }, (_, i) => Math.sin(i)),
  { shape: [100, 100] },
);
const cheap = (v: Variable) => tanh(square(v));

Deno.bench("gradientCheck fast mode, 100x100, tanh(x²)", {
  group: "100x100",
  baseline: true,
}, () => {
  gradientCheck(cheap, x, { mode: "fast" });
});

Deno.bench("gradientCheck full mode, 100x100, tanh(x²)", {
  group: "100x100",
  n: 2,
  warmup: 1,
}, () => {
  gradientCheck(cheap, x);
});

Deno.bench("gradientCheck fast mode, 100x100, order 2", {
  group: "100x100 order 2",
}, () => {
  gradientCheck(cheap, x, { mode: "fast", order: 2 });
});
