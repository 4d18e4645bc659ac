// The book's chain y = (e^(x²))², forward and forward+backward, on a scalar
// and on 1e6 and 1e7 elements. Run with `deno task bench`.

import { exp, full, square, Variable } from "../mod.ts";

const scalar = new Variable(full([], 0.5));
const million = new Variable(full([1_000_000], 0.5));
const tenMillion = new Variable(full([10_000_000], 0.5));

Deno.bench("scalar chain: forward", { group: "scalar" }, () => {
  square(exp(square(scalar)));
});

Deno.bench("scalar chain: forward + backward", { group: "scalar" }, () => {
  scalar.grad = null;
  square(exp(square(scalar))).backward();
});

Deno.bench("1e6 elements chain: forward", { group: "1e6" }, () => {
  square(exp(square(million)));
});

Deno.bench("1e6 elements chain: forward + backward", { group: "1e6" }, () => {
  million.grad = null;
  square(exp(square(million))).backward();
});

Deno.bench("1e7 elements chain: forward + backward", {
  group: "1e7",
  n: 10,
  warmup: 2,
}, () => {
  tenMillion.grad = null;
  square(exp(square(tenMillion))).backward();
});
