// What the first-order backward engine (`_backward.ts`) and the built-in
// functions agree on to save memory. A fresh large Float64Array costs far more
// than writing into one already mapped (every new page is charged on first
// touch), so a pass without createGraph hands a gradient that nobody else can
// reach to the function that consumes it, which may write its own result
// there instead of allocating.
//
// Only the library's own functions take part, named here with
// `trustBackward`: a function of the user's may keep the arrays it is given or
// return arrays it keeps, and the engine cannot tell. A trusted class promises
// that its backward (`backwardData` when the fused path applies, else
// `backward`):
//
// - returns, for each input, an array it has just made, or `gy` itself or a
//   view of `gy`'s storage (a pass-through), never anything else (never the
//   data of an input or output, never an array it keeps);
// - keeps neither its arguments nor its results;
// - reads any layout of `gy`, including a stride-0 view (the engine passes
//   the default all-ones seed as a view of a single 1);
// - writes into `gy` only through `reusable(gy)`, and reads `gy` no more after
//   that call.

import type { Float64NdArray } from "./_ndarray.ts";

const trusted = new WeakSet<object>();

/**
 * Mark a built-in Function class as keeping the promises above, for the
 * backward method it defines itself (a subclass that overrides it is not
 * trusted).
 */
export function trustBackward(ctor: { prototype: object }): void {
  trusted.add(ctor.prototype);
}

/** Whether the backward defined on `prototype` keeps the promises above. */
export function isTrustedPrototype(prototype: object): boolean {
  return trusted.has(prototype);
}

// The gradient array the engine gives away for the one backward call running
// now, or null.
let donated: Float64NdArray | null = null;

/**
 * For the engine: let the trusted backward about to run write into `gy`
 * (whose storage nobody else can reach and nothing reads after the call), or
 * take the offer back with `null`.
 */
export function donate(gy: Float64NdArray | null): void {
  donated = gy;
}

/**
 * For a trusted backward: `gy` itself when the engine gave it away, as the
 * `out` of the last kernel that reads `gy`; otherwise `undefined` (the kernel
 * allocates). The offer holds once.
 *
 * @param gy The gradient the backward received.
 */
export function reusable(gy: Float64NdArray): Float64NdArray | undefined {
  if (donated !== gy) return undefined;
  donated = null;
  return gy;
}
