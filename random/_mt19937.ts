// The Mersenne Twister MT19937 exactly as NumPy's legacy `RandomState` runs it
// (numpy/random/src/mt19937/mt19937.c and randomkit's seeding): the same
// seeding routines, the same 53-bit doubles and the same bounded integers, so
// every stream matches NumPy bit for bit.

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/** MT19937's 624 words of state and the read position within them. */
export class Mt19937 {
  readonly key: Uint32Array = new Uint32Array(N);
  pos: number = N;

  /** NumPy's `mt19937_seed` (Matsumoto and Nishimura's `init_genrand`). */
  seed(seed: number): void {
    const key = this.key;
    let value = seed >>> 0;
    for (let i = 0; i < N; i++) {
      key[i] = value;
      value = (Math.imul(1812433253, value ^ (value >>> 30)) + i + 1) >>> 0;
    }
    this.pos = N;
  }

  /** NumPy's `mt19937_init_by_array` (`init_by_array` of the reference code). */
  seedByArray(initKey: Uint32Array): void {
    const mt = this.key;
    const length = initKey.length;
    this.seed(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, length); k > 0; k--) {
      const previous = mt[i - 1];
      mt[i] = ((mt[i] ^ Math.imul(previous ^ (previous >>> 30), 1664525)) >>>
        0) + initKey[j] + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const previous = mt[i - 1];
      mt[i] = ((mt[i] ^ Math.imul(previous ^ (previous >>> 30), 1566083941)) >>>
        0) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    // The most significant bit is set so that the state is never all zero.
    mt[0] = 0x80000000;
    this.pos = N;
  }

  /** The next 32-bit word, tempered. */
  next32(): number {
    if (this.pos === N) this.#generate();
    let y = this.key[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A double in [0, 1) from 53 random bits of two words, as NumPy. */
  nextDouble(): number {
    const a = this.next32() >>> 5;
    const b = this.next32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** The next 64-bit word: the first 32-bit word is the high half. */
  next64(): bigint {
    const high = BigInt(this.next32());
    return (high << 32n) | BigInt(this.next32());
  }

  #generate(): void {
    const key = this.key;
    let i = 0;
    let y: number;
    for (; i < N - M; i++) {
      y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
      key[i] = key[i + M] ^ (y >>> 1) ^ ((y & 1) ? MATRIX_A : 0);
    }
    for (; i < N - 1; i++) {
      y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
      key[i] = key[i + M - N] ^ (y >>> 1) ^ ((y & 1) ? MATRIX_A : 0);
    }
    y = (key[N - 1] & UPPER_MASK) | (key[0] & LOWER_MASK);
    key[N - 1] = key[M - 1] ^ (y >>> 1) ^ ((y & 1) ? MATRIX_A : 0);
    this.pos = 0;
  }
}
