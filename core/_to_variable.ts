import { describe } from "./_describe.ts";
import { CONSTANT } from "./_internal.ts";
import { isFloat64NdArray, scalarOf } from "./_ndarray.ts";
import type { Operand } from "./function.ts";
import { Variable } from "./variable.ts";

/**
 * Wrap a number or array as a Variable; pass Variables through. A wrapped
 * number or array is a constant: nobody holds its Variable to read a
 * gradient from, so backward computes none for it (PyTorch likewise computes
 * none for a tensor that does not require grad). Pass a Variable to get one.
 */
export function toVariable(
  caller: string,
  value: Operand,
  index: number,
): Variable {
  if (value instanceof Variable) return value;
  if (typeof value === "number") {
    const constant = new Variable(scalarOf(value));
    constant[CONSTANT] = true;
    return constant;
  }
  if (isFloat64NdArray(value)) {
    const constant = new Variable(value);
    constant[CONSTANT] = true;
    return constant;
  }
  throw new TypeError(
    `Cannot call ${caller} on ${
      describe(value)
    }: input ${index} must be a Variable, a number or a float64 ndarray`,
  );
}
