// Elementwise exp, log, tanh, sin and cos on the WebAssembly kernels: a
// contiguous row is streamed through the module's memory in chunks that stay
// in the L1 cache, so the copies in and out cost little beside the math.

import { type ElementwiseName, kernels, kernelsForced } from "./_instance.ts";
import { FIRST_FREE_BYTE } from "./_layout.ts";

// 32 KiB of float64s: one chunk in and out stays within L1.
const CHUNK = 4096;
// Below this length the call costs more than the SIMD saves. Measured.
const MIN_LENGTH = 32;
// Byte address of the chunk in the module's memory (within the first page,
// which the module always has, above the constants).
const START = FIRST_FREE_BYTE;

let heap: Float64Array | undefined;

/**
 * Write `name` of `length` contiguous values of `x` from `xOffset` into `y`
 * from `yOffset` on, or return false when no WebAssembly kernel is available
 * or the row is too short to gain from it (the caller then loops itself).
 */
export function mapWasm(
  name: ElementwiseName,
  x: Float64Array,
  xOffset: number,
  y: Float64Array,
  yOffset: number,
  length: number,
): boolean {
  if (length < MIN_LENGTH && !kernelsForced()) return false;
  const wasm = kernels();
  if (wasm === undefined) return false;
  const kernel = wasm[name];
  // Growing memory for matmul detaches the old buffer.
  if (heap === undefined || heap.buffer !== wasm.memory.buffer) {
    heap = new Float64Array(wasm.memory.buffer);
  }
  const start = START / 8;
  for (let done = 0; done < length; done += CHUNK) {
    const count = Math.min(CHUNK, length - done);
    heap.set(x.subarray(xOffset + done, xOffset + done + count), start);
    kernel(START, START, count);
    y.set(heap.subarray(start, start + count), yOffset + done);
  }
  return true;
}
