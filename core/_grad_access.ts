// The engine's access to Variable's private gradient slot, for `grad()` in
// grad.ts. Kept out of variable.ts so that `export *` from it does not make
// this part of the public API. variable.ts registers the accessors when its
// class is defined.

import type { Variable } from "./variable.ts";

type ReadGrad = (x: Variable) => Variable | null;
type WriteGrad = (x: Variable, g: Variable | null) => void;

let readGrad: ReadGrad | undefined;
let writeGrad: WriteGrad | undefined;

/** Called once by variable.ts with the accessors of `#grad`. */
export function setGradAccess(read: ReadGrad, write: WriteGrad): void {
  readGrad = read;
  writeGrad = write;
}

/** The accessors of a Variable's gradient. */
export function gradAccess(): [ReadGrad, WriteGrad] {
  if (readGrad === undefined || writeGrad === undefined) {
    throw new Error("Cannot use grad(): the Variable class is not loaded");
  }
  return [readGrad, writeGrad];
}
