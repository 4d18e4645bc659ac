// Order 2 as PyTorch's gradgradcheck: the gradient of f, as a function of
// f's checked inputs AND of the upstream gradients, is checked at order 1.
// Differentiating with respect to gy too catches a backward that treats gy
// as a constant (detaches it), which is right at order 1 and wrong at 2.

import { zerosOf } from "../core/_ndarray.ts";
import { grad } from "../core/grad.ts";
import { Variable } from "../core/variable.ts";
import type { CheckedFunction } from "./gradient_check.ts";
import { guardBackward } from "./_guards.ts";
import type { Problem } from "./_problem.ts";
import type { Reporter } from "./_report.ts";

/**
 * `(...xs, ...gys) => grad(f(...xs), xs, { gradOutputs: gys, createGraph })`,
 * with zeros for an input the outputs do not depend on. While `guarded()`
 * holds, f's backward is watched for in-place writes.
 */
export function gradientFunction(
  problem: Problem,
  report: Reporter,
  guarded: () => boolean,
): CheckedFunction {
  const n = problem.wrt.length;
  const name = report.label;
  return {
    [name](...inputs: Variable[]): Variable[] {
      const xs = inputs.slice(0, n);
      const ys = problem.callWith(xs);
      if (guarded()) guardBackward(ys, (message) => report.fail(message));
      const grads = grad(ys, xs, {
        gradOutputs: inputs.slice(n),
        createGraph: true,
        allowUnused: true,
      });
      return grads.map((g, k) => g ?? new Variable(zerosOf(xs[k].shape)));
    },
  }[name];
}
