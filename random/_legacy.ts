// The legacy distributions NumPy's `RandomState` draws from MT19937
// (numpy/random/src/legacy/legacy-distributions.c and distributions.c): the
// polar Gauss with its cached second value, masked rejection for bounded
// integers and the interval draw used by `shuffle`.

import { Mt19937 } from "./_mt19937.ts";

/** MT19937 plus the cached Gauss value, as NumPy's `aug_bitgen_t`. */
export class LegacyGenerator {
  readonly mt: Mt19937 = new Mt19937();
  hasGauss = false;
  gauss = 0;

  /** Forget the cached Gauss value, as every reseeding does. */
  resetCache(): void {
    this.hasGauss = false;
    this.gauss = 0;
  }

  /** A double in [0, 1) with 53 random bits. */
  double(): number {
    return this.mt.nextDouble();
  }

  /** Fill `out[start..end)` with doubles in [0, 1). */
  fillDoubles(out: Float64Array, start: number, end: number): void {
    const mt = this.mt;
    for (let i = start; i < end; i++) out[i] = mt.nextDouble();
  }

  /** Fill `out[start..end)` with standard normal values. */
  fillNormals(out: Float64Array, start: number, end: number): void {
    for (let i = start; i < end; i++) out[i] = this.standardNormal();
  }

  /**
   * A standard normal value by the polar Box-Muller method. Each accepted
   * pair gives two values: the second is returned now, the first is kept for
   * the next call. The logarithm is the JavaScript engine's `Math.log`, which
   * can differ from the C library's `log` that NumPy calls in the last bit
   * (see notes on randomness in the README).
   */
  standardNormal(): number {
    if (this.hasGauss) {
      const cached = this.gauss;
      this.hasGauss = false;
      this.gauss = 0;
      return cached;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.mt.nextDouble() - 1;
      x2 = 2 * this.mt.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt(-2 * Math.log(r2) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /**
   * An integer in [0, max] by masked rejection, as NumPy's `random_interval`
   * (used by `shuffle` and `permutation`); `max` below 2**32.
   */
  interval(max: number): number {
    if (max === 0) return 0;
    const mask = maskOf(max);
    let value: number;
    do {
      value = (this.mt.next32() & mask) >>> 0;
    } while (value > max);
    return value;
  }

  /**
   * Fill `out` from `start` with `count` integers in [low, low + range] as
   * NumPy's `random_bounded_uint64_fill` with masked rejection: ranges below
   * 2**32 draw one 32-bit word per try, larger ranges a 64-bit word.
   * `low` and `low + range` are integers within ±2**53.
   */
  boundedIntegers(
    low: number,
    range: bigint,
    out: Float64Array,
    start: number,
    count: number,
  ): void {
    const end = start + count;
    if (range === 0n) {
      out.fill(low, start, end);
    } else if (range < 0xffffffffn) {
      const max = Number(range);
      const mask = maskOf(max);
      for (let i = start; i < end; i++) {
        let value: number;
        do {
          value = (this.mt.next32() & mask) >>> 0;
        } while (value > max);
        out[i] = low + value;
      }
    } else if (range === 0xffffffffn) {
      for (let i = start; i < end; i++) out[i] = low + this.mt.next32();
    } else {
      // 64-bit words; values above 2**53 cannot be asked for, see randint.
      const mask = maskOf64(range);
      const base = BigInt(low);
      for (let i = start; i < end; i++) {
        let value: bigint;
        do {
          value = this.mt.next64() & mask;
        } while (value > range);
        out[i] = Number(base + value);
      }
    }
  }
}

/** The smallest mask 2**k - 1 at least `max` (32-bit). */
function maskOf(max: number): number {
  let mask = max;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  return mask >>> 0;
}

/** The smallest mask 2**k - 1 at least `max` (64-bit). */
function maskOf64(max: bigint): bigint {
  let mask = 1n;
  while (mask < max) mask = (mask << 1n) | 1n;
  return mask;
}
