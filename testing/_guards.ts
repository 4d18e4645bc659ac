// In-place guards: a forward or backward that writes into its arguments
// corrupts the values the check compares, and the numbers that come out then
// blame the wrong input. So the check catches the write itself, first, and
// names the function that made it.

import { copyOf, type Float64NdArray, isContiguous } from "../core/_ndarray.ts";
import type { Function } from "../core/function.ts";
import { Variable } from "../core/variable.ts";

/** Every function in the graph behind `outputs`, inputs before users. */
export function functionsOf(outputs: readonly Variable[]): Function[] {
  const order: Function[] = [];
  const seen = new Set<Function>();
  // Iterative post-order walk, so any depth works.
  const stack: [Function, number][] = [];
  const enter = (f: Function | null): void => {
    if (f === null || seen.has(f)) return;
    seen.add(f);
    stack.push([f, 0]);
  };
  for (const y of outputs) {
    enter(y.creator);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [f, next] = top;
      if (next < f.inputs.length) {
        top[1]++;
        enter(f.inputs[next].creator);
      } else {
        stack.pop();
        order.push(f);
      }
    }
  }
  return order;
}

/**
 * Run each function's forward again on copies of its inputs' values and
 * return the first in-place write found: `Square.forward modified its input
 * 0 in place`, or null. Meant for a graph that is thrown away afterwards,
 * since a forward may keep state on its instance.
 */
export function findForwardWrite(outputs: readonly Variable[]): string | null {
  const values = new Map<Variable, Float64NdArray>();
  for (const f of functionsOf(outputs)) {
    const args = f.inputs.map((x) => copyOf(values.get(x) ?? x.data));
    const before = args.map(copyOf);
    let ys: Float64NdArray | Float64NdArray[];
    try {
      ys = f.forwardList !== undefined
        ? f.forwardList(args)
        : f.forward(...args);
    } catch {
      return null; // a forward that cannot run twice: nothing to say here
    }
    const changed = args.findIndex((a, i) => !sameValues(a, before[i]));
    if (changed >= 0) {
      return `${f.name}.forward modified its input${
        f.inputs.length > 1 ? ` ${changed}` : ""
      } in place`;
    }
    const list = Array.isArray(ys) ? ys : [ys];
    f.outputs.forEach((y, i) => {
      if (list[i] !== undefined) values.set(y, list[i]);
    });
  }
  return null;
}

/**
 * Make every function behind `outputs` check, around each of its backward
 * calls, that it wrote into none of its upstream gradients, inputs and
 * outputs; `report` receives the message (`Square.backward modified its
 * upstream gradient in place`) and is expected to throw.
 */
export function guardBackward(
  outputs: readonly Variable[],
  report: (message: string) => never,
): void {
  for (const f of functionsOf(outputs)) {
    const key = f.backwardList !== undefined ? "backwardList" : "backward";
    const original = f[key] as (...a: unknown[]) => unknown;
    if (typeof original !== "function") continue;
    const guarded = function (this: Function, ...args: unknown[]): unknown {
      const gys = (key === "backwardList" ? args[0] : args) as Variable[];
      const watched: [string, Float64NdArray, Float64NdArray][] = [];
      const watch = (what: string, list: readonly Variable[]): void => {
        list.forEach((v, i) => {
          if (!(v instanceof Variable) || !v.hasData) return;
          const which = list.length > 1 ? ` ${i}` : "";
          watched.push([`${what}${which}`, v.data, copyOf(v.data)]);
        });
      };
      watch("upstream gradient", gys);
      watch("input", f.inputs);
      watch("output", f.outputs);
      const result = original.apply(this, args);
      for (const [what, now, before] of watched) {
        if (!sameValues(now, before)) {
          report(`${f.name}.backward modified its ${what} in place`);
        }
      }
      return result;
    };
    try {
      Object.defineProperty(f, key, {
        value: guarded,
        configurable: true,
        writable: true,
      });
    } catch {
      // A frozen instance cannot be watched; the numbers still are.
    }
  }
}

/** Whether two arrays of one shape hold the same values (NaN equals NaN). */
export function sameValues(a: Float64NdArray, b: Float64NdArray): boolean {
  const x = isContiguous(a) ? a : copyOf(a);
  const y = isContiguous(b) ? b : copyOf(b);
  const xs = x.data;
  const ys = y.data;
  const dx = x.offset;
  const dy = y.offset;
  for (let i = 0; i < x.size; i++) {
    if (!Object.is(xs[dx + i], ys[dy + i])) return false;
  }
  return true;
}
