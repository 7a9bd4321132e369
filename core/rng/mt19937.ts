/** @module The MT19937 Mersenne Twister core shared by the CPython `random` and NumPy `RandomState` ports. */

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/**
 * The 32-bit Mersenne Twister of Matsumoto and Nishimura (mt19937ar.c), which both CPython
 * (`_randommodule.c`) and NumPy (`mt19937.c`) embed unchanged. Only the seeding around it differs.
 * Mutable by design: it is the one piece of state a generator owns.
 */
export class Mt19937 {
  private readonly state = new Uint32Array(N);
  private index = N;

  /** `init_genrand(s)`: NumPy's `np.random.seed(int)`; also the first step of `initByArray`. */
  initGenrand(seed: number): void {
    const mt = this.state;
    mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]!;
      mt[i] = Math.imul(1812433253, prev ^ (prev >>> 30)) + i; // the Uint32Array store wraps mod 2^32
    }
    this.index = N;
  }

  /** `init_by_array(key)`: how CPython seeds `random.Random` from the 32-bit words of an int. */
  initByArray(key: ArrayLike<number>): void {
    this.initGenrand(19650218);
    const mt = this.state;
    const keyLength = key.length;
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, keyLength); k > 0; k--) {
      const prev = mt[i - 1]!;
      // The sum of three 32-bit values stays below 2^34, so it is exact before the store wraps it.
      mt[i] = ((mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1664525)) >>> 0) + key[j]! + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= keyLength) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1]!;
      mt[i] = ((mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1566083941)) >>> 0) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000; // MSB is 1, assuring a non-zero initial array
    this.index = N;
  }

  /** `genrand_uint32()`: the next tempered 32-bit output, as a non-negative number. */
  nextUint32(): number {
    if (this.index >= N) this.twist();
    let y = this.state[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /**
   * Sets the 624 state words and the position of the next word, as NumPy's `set_state(("MT19937", key, pos, …))`
   * does (a saved state, e.g. HELM's fixed random state for entity matching). Position N regenerates first.
   */
  setState(key: ArrayLike<number>, pos: number): void {
    if (key.length !== N) throw new RangeError(`an MT19937 state has ${N} words, got ${key.length}`);
    if (!Number.isInteger(pos) || pos < 0 || pos > N) throw new RangeError(`an MT19937 position is in [0, ${N}], got ${pos}`);
    for (let i = 0; i < N; i++) this.state[i] = key[i]!;
    this.index = pos;
  }

  /** Regenerates all N words at once, as mt19937ar.c does when the index runs out. */
  private twist(): void {
    const mt = this.state;
    let kk = 0;
    for (; kk < N - M; kk++) {
      const y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
      mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; kk < N - 1; kk++) {
      const y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
      mt[kk] = mt[kk + (M - N)]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    const y = (mt[N - 1]! & UPPER_MASK) | (mt[0]! & LOWER_MASK);
    mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.index = 0;
  }
}
