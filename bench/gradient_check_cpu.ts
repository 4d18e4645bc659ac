// The least CPU time of one gradientCheck call, for comparing two checkouts
// on a busy machine, where wall-clock averages swing with the load:
//
//   deno run -A bench/gradient_check_cpu.ts <size> '<options as JSON>' <runs>
//
// for example `deno run -A bench/gradient_check_cpu.ts 1000 '{"order":2}' 3`.
// Run the two checkouts alternately, a few times each, and keep the minimum.

import process from "node:process";
import { array, square, tanh, type Variable } from "../mod.ts";
import { gradientCheck, type GradientCheckOptions } from "../testing/mod.ts";

const cheap = (v: Variable) => tanh(square(v));
const size = Number(Deno.args[0] ?? 1000);
const options = JSON.parse(Deno.args[1] ?? "{}") as GradientCheckOptions;
const runs = Number(Deno.args[2] ?? 3);
const x = array(
  Float64Array.from({ length: size }, (_, i) => Math.sin(i + 1)),
);
gradientCheck(cheap, x, options); // warm-up
let best = Infinity;
for (let i = 0; i < runs; i++) {
  const start = process.cpuUsage();
  gradientCheck(cheap, x, options);
  const used = process.cpuUsage(start);
  best = Math.min(best, (used.user + used.system) / 1000);
}
console.log(`${best.toFixed(2)} ms`);
