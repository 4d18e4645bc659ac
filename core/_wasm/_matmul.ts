// The matrix product on the WebAssembly kernel: copy the operands into the
// module's memory, run kernels.wat's `matmul`, copy the result out. The
// memory grows as needed and is reused by every later call.

import { copyOf, type Float64NdArray } from "../_ndarray.ts";
import { kernels, kernelsForced } from "./_instance.ts";
import { FIRST_FREE_BYTE } from "./_layout.ts";
import {
  finish,
  type MatmulArguments,
  post,
  readyHelpers,
} from "./_threads.ts";

// Block sizes (see kernels.wat), in float64s; MC a multiple of the tile's 6
// rows. A packed mc x kc block of A is 120 KiB, within L2; a kc x 4 panel of B 8 KiB, within L1; B is packed whole
// up to 4096 columns, so A is packed once per kc. Chosen by measurement at
// 256 and 1024 on a 2-core AMD EPYC (the speed is flat around them).
const MC = 60;
const KC = 256;
const NC = 4096;

// Below this many multiply-adds (m k n) the copies in and out cost more than
// the kernel saves, and the TypeScript loop is faster; likewise for a side
// shorter than the 6 x 4 tile (matrix-vector and outer products are bound by
// memory, and the tile would be mostly padding). Measured.
const MIN_WORK = 8192;
const MIN_SIDE = 4;

// Below this many multiply-adds a product stays on one thread: waking a
// helper costs tens of microseconds. Measured.
const MIN_THREADED_WORK = 1 << 21;

const PAGE = 65536;

/** Round `x` up to a multiple of `step` (a power of two). */
function roundUp(x: number, step: number): number {
  return (x + step - 1) & -step;
}

/** The first and one-past-last element of `a`'s storage that it can reach. */
function extent(a: Float64NdArray): [number, number] {
  let lo = a.offset;
  let hi = a.offset;
  for (let axis = 0; axis < a.shape.length; axis++) {
    const reach = (a.shape[axis] - 1) * a.stride[axis];
    if (reach < 0) lo += reach;
    else hi += reach;
  }
  return [lo, hi + 1];
}

/**
 * Write the product of the m x k matrix `a` and the k x n matrix `b` into the
 * contiguous m x n matrix `out` (m, k, n >= 1), or return false when no
 * WebAssembly kernel is available or the product is too small to gain from
 * it (the caller then computes it itself).
 * `a` and `b` may be strided, transposed or broadcast views.
 */
export function matmulWasm(
  a: Float64NdArray,
  b: Float64NdArray,
  out: Float64NdArray,
): boolean {
  const [m, k] = a.shape;
  const n = b.shape[1];
  const small = m * k * n < MIN_WORK || m < MIN_SIDE || k < MIN_SIDE ||
    n < MIN_SIDE;
  if (small && !kernelsForced()) return false;
  const wasm = kernels();
  if (wasm === undefined) return false;
  // A view that reaches far beyond its own elements (a slice of a big array)
  // is compacted first rather than copied whole.
  let [aLo, aHi] = extent(a);
  if (aHi - aLo > 2 * m * k) {
    a = copyOf(a);
    [aLo, aHi] = extent(a);
  }
  let [bLo, bHi] = extent(b);
  if (bHi - bLo > 2 * k * n) {
    b = copyOf(b);
    [bLo, bHi] = extent(b);
  }
  const ldc = roundUp(n, 4);
  const mPad = Math.ceil(m / 6) * 6;
  const mc = Math.ceil(Math.min(MC, m) / 6) * 6;
  const kc = Math.min(KC, k);
  const nc = roundUp(Math.min(NC, n), 4);
  // Split C by rows (whole 6-row tiles) or, for short wide products, by
  // columns (whole 4-column panels) among this thread and the ready helpers.
  let helpers = m * k * n >= MIN_THREADED_WORK ? readyHelpers(wasm) : [];
  const byRows = mPad / 6 >= 2 * (helpers.length + 1) ||
    ldc / 4 < 2 * (helpers.length + 1);
  const units = byRows ? mPad / 6 : ldc / 4;
  helpers = helpers.slice(0, Math.max(0, Math.floor(units / 2) - 1));
  const parts = helpers.length + 1;
  // Byte addresses of each region, 64-byte aligned (a cache line); each
  // part has its own packing areas.
  const aStart = FIRST_FREE_BYTE;
  const bStart = roundUp(aStart + (aHi - aLo) * 8, 64);
  const cStart = roundUp(bStart + (bHi - bLo) * 8, 64);
  const packStart = roundUp(cStart + mPad * ldc * 8, 64);
  const aPackBytes = roundUp(mc * kc * 8, 64);
  const packBytes = aPackBytes + roundUp(kc * nc * 8, 64);
  const end = packStart + parts * packBytes;
  if (end > 2 ** 31) return false;
  const memory = wasm.memory;
  const missing = Math.ceil((end - memory.buffer.byteLength) / PAGE);
  if (missing > 0) memory.grow(missing);
  const heap = new Float64Array(memory.buffer);
  heap.set(a.data.subarray(aLo, aHi), aStart / 8);
  heap.set(b.data.subarray(bLo, bHi), bStart / 8);
  const aAt = aStart + (a.offset - aLo) * 8;
  const bAt = bStart + (b.offset - bLo) * 8;
  // Part p covers units [first(p), first(p + 1)) of 6 rows or 4 columns.
  const first = (p: number): number => Math.round((units * p) / parts);
  const job = (p: number): MatmulArguments => {
    const from = first(p);
    const count = first(p + 1) - from;
    // The part's first row and column of C, and its numbers of them.
    const row = byRows ? from * 6 : 0;
    const column = byRows ? 0 : from * 4;
    const ap = packStart + p * packBytes;
    return [
      aAt + row * a.stride[0] * 8,
      a.stride[0],
      a.stride[1],
      bAt + column * b.stride[1] * 8,
      b.stride[0],
      b.stride[1],
      cStart + (row * ldc + column) * 8,
      ldc,
      byRows ? Math.min(count * 6, m - row) : m,
      k,
      byRows ? n : Math.min(count * 4, n - column),
      ap,
      ap + aPackBytes,
      MC,
      KC,
      NC,
    ];
  };
  for (let p = 1; p < parts; p++) post(helpers[p - 1], job(p));
  wasm.matmul(...job(0));
  for (let p = 1; p < parts; p++) {
    // A helper that failed leaves its part to this thread.
    if (!finish(helpers[p - 1])) wasm.matmul(...job(p));
  }
  const c = cStart / 8;
  if (ldc === n) {
    out.data.set(heap.subarray(c, c + m * n), out.offset);
  } else {
    for (let i = 0; i < m; i++) {
      const row = c + i * ldc;
      out.data.set(heap.subarray(row, row + n), out.offset + i * n);
    }
  }
  return true;
}
