// Evaluating a user's function for numerical differentiation.

import { describe } from "../core/_describe.ts";
import {
  copyOf,
  type Float64NdArray,
  formatShape,
  sameShape,
} from "../core/_ndarray.ts";
import { Function } from "../core/function.ts";
import { Variable } from "../core/variable.ts";

/** `sum(gy * f(point))`, evaluated on a fresh Variable viewing `point`. */
export function weightedSum(
  caller: string,
  f: (x: Variable) => Variable,
  point: Float64NdArray,
  gy: Float64NdArray | undefined,
): number {
  const y = f(new Variable(point));
  if (!(y instanceof Variable)) {
    throw new TypeError(
      `Cannot differentiate ${
        f.name || "the function"
      }: ${caller}() expects it to return a Variable, got ${describe(y)}`,
    );
  }
  const out = y.data;
  if (gy !== undefined && !sameShape(gy.shape, out.shape)) {
    throw new TypeError(
      `Cannot weight the output of ${
        f.name || "the function"
      } in ${caller}(): gy has shape ${
        formatShape(gy.shape)
      }, the output has shape ${formatShape(out.shape)}`,
    );
  }
  const flat = copyOf(out);
  const weights = gy === undefined ? undefined : copyOf(gy);
  let sum = 0;
  for (let i = 0; i < flat.size; i++) {
    const value = flat.data[flat.offset + i];
    sum += weights === undefined
      ? value
      : value * weights.data[weights.offset + i];
  }
  return sum;
}

/** Reject anything but a plain function, with a hint for Function objects. */
export function checkCallable(caller: string, f: unknown): void {
  if (typeof f === "function") return;
  if (f instanceof Function) {
    throw new TypeError(
      `Cannot differentiate a ${f.name} object: ${caller}() expects a function such as (x) => new ${f.name}().call(x), since a Function object can be called only once`,
    );
  }
  throw new TypeError(
    `Cannot differentiate ${
      describe(f)
    }: ${caller}() expects a function from Variable to Variable`,
  );
}
