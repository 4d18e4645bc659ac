// Per-operation cost of the graph engine (issue: general graphs). Compares
// @dezero/core with a straightforward TypeScript engine that allocates a
// Float64Array per value (bench/_naive.ts), in the same run.

import { array, exp, mul, square, Variable } from "../mod.ts";
import { NaiveValue } from "./_naive.ts";

const E_INVERSE = Math.exp(-1);

Deno.bench("dezero: scalar square(exp(square(x))) fwd+bwd", {
  group: "scalar chain (3 ops)",
  baseline: true,
}, () => {
  const x = new Variable(array(0.5));
  square(exp(square(x))).backward();
});

Deno.bench("naive Float64Array engine: same chain", {
  group: "scalar chain (3 ops)",
}, () => {
  const x = new NaiveValue(0.5);
  x.square().exp().square().backward();
});

for (const depth of [10_000, 100_000]) {
  Deno.bench(`dezero: deep chain x <- exp(x)·e⁻¹, ${depth} ops fwd+bwd`, {
    group: `deep chain ${depth}`,
    baseline: true,
    n: depth === 10_000 ? 200 : 20,
  }, () => {
    const x = new Variable(array(1));
    let y = x;
    for (let i = 0; i < depth / 2; i++) y = mul(exp(y), E_INVERSE);
    y.backward();
  });

  Deno.bench(`naive Float64Array engine: deep chain, ${depth} ops`, {
    group: `deep chain ${depth}`,
    n: depth === 10_000 ? 200 : 20,
  }, () => {
    const x = new NaiveValue(1);
    let y = x;
    for (let i = 0; i < depth / 2; i++) y = y.exp().mul(E_INVERSE);
    y.backward();
  });
}

// A million operations: time per op against the 100,000 case shows whether
// the cost grows linearly with depth once the graph has left V8's young
// generation.
Deno.bench("dezero: deep chain x <- exp(x)·e⁻¹, 1000000 ops fwd+bwd", {
  group: "deep chain 1000000",
  n: 3,
  warmup: 1,
}, () => {
  const x = new Variable(array(1));
  let y = x;
  for (let i = 0; i < 500_000; i++) y = mul(exp(y), E_INVERSE);
  y.backward();
});
