// gradientCheck of a cheap function, tanh(x²), on 10 to 10,000 elements:
// full mode (every element), fast mode (random projections) and order 2, with
// the default options (so the time includes every probe the check runs).

import { array, square, tanh, type Variable } from "../mod.ts";
import { gradientCheck } from "../testing/mod.ts";

const cheap = (v: Variable) => tanh(square(v));

for (const size of [10, 100, 1000, 10000]) {
  const x = array(
    Float64Array.from({ length: size }, (_, i) => Math.sin(i + 1)),
  );
  const group = `${size} elements`;
  const big = size >= 1000;
  Deno.bench(`gradientCheck full, ${size}`, {
    group,
    baseline: true,
    ...(big ? { n: size >= 10000 ? 1 : 3, warmup: 1 } : {}),
  }, () => {
    gradientCheck(cheap, x);
  });
  Deno.bench(`gradientCheck fast, ${size}`, { group }, () => {
    gradientCheck(cheap, x, { mode: "fast" });
  });
  Deno.bench(`gradientCheck fast order 2, ${size}`, { group }, () => {
    gradientCheck(cheap, x, { mode: "fast", order: 2 });
  });
  if (size <= 1000) {
    Deno.bench(`gradientCheck full order 2, ${size}`, {
      group,
      ...(big ? { n: 1, warmup: 0 } : {}),
    }, () => {
      gradientCheck(cheap, x, { order: 2 });
    });
  }
}
