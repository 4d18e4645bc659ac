// The walk shared by every picture of a graph: from the outputs back along
// `creator` and `inputs`, each variable and function visited once, with an
// explicit stack so a chain of any length fits (book step 26's
// get_dot_graph, without recursion and with ids that do not depend on
// memory addresses).

import type { Function, Variable } from "../mod.ts";
import { describe } from "../core/_describe.ts";

/** What a picture does with each node and edge, in the order found. */
export interface GraphVisitor {
  /** A variable, first time seen, with its id (`v0`, `v1`, ...). */
  variable(id: string, variable: Variable): void;
  /** A function, with its id (`f0`, `f1`, ...). */
  function(id: string, func: Function): void;
  /** An edge: input variable -> function, or function -> output variable. */
  edge(from: string, to: string): void;
}

/**
 * Visit the graph that produced `outputs`. Ids are numbered in the order
 * nodes are found, so the same graph always gives the same text. A function
 * used with the same input twice (`add(x, x)`) gets two edges from it.
 */
export function walkGraph(
  outputs: readonly Variable[],
  visitor: GraphVisitor,
): void {
  const variableIds = new Map<Variable, string>();
  const functionIds = new Map<Function, string>();
  const stack: Function[] = [];

  function idOf(variable: Variable): string {
    let id = variableIds.get(variable);
    if (id === undefined) {
      id = `v${variableIds.size}`;
      variableIds.set(variable, id);
      visitor.variable(id, variable);
    }
    return id;
  }
  function discover(func: Function | null): void {
    if (func === null || functionIds.has(func)) return;
    functionIds.set(func, `f${functionIds.size}`);
    stack.push(func);
  }

  for (const output of outputs) {
    idOf(output);
    discover(output.creator);
  }
  while (stack.length > 0) {
    const func = stack.pop() as Function;
    const id = functionIds.get(func) as string;
    visitor.function(id, func);
    for (const input of func.inputs) {
      visitor.edge(idOf(input), id);
      discover(input.creator);
    }
    for (const output of func.outputs) visitor.edge(id, idOf(output));
  }
}

/**
 * The text a variable shows: its name (or nothing), and with `verbose` its
 * shape and dtype, as `x: [2, 3] float64` (DeZero's `x: (2, 3) float64`).
 * A name set without type checks may be a number, bigint or boolean, shown
 * as `String` shows it (Python's `str`, as DeZero does); any other non-string
 * (a symbol, an object, a function) is a TypeError naming `caller`.
 */
export function variableLabel(
  caller: string,
  id: string,
  variable: Variable,
  verbose: boolean,
): string {
  const name = nameText(caller, id, variable.name as unknown);
  if (!verbose || !variable.hasData) return name;
  const detail = `[${variable.shape.join(", ")}] ${variable.dtype}`;
  return name === "" ? detail : `${name}: ${detail}`;
}

function nameText(caller: string, id: string, name: unknown): string {
  switch (typeof name) {
    case "undefined":
      return "";
    case "string":
      return name;
    case "number":
    case "bigint":
    case "boolean":
      return String(name);
  }
  if (name === null) return "";
  throw new TypeError(
    `Cannot draw the name ${
      describe(name)
    } of variable ${id}: ${caller} expects a string, a number or undefined as a name`,
  );
}
