/** @module A bit-exact port of the NumPy legacy `RandomState` draws that HELM uses (seed, random_sample, permutation, choice). */

import { Mt19937 } from './mt19937.ts';

const TWO_POW_32 = 4294967296;
const MAX_INT32 = 2147483647;

/**
 * NumPy's legacy `np.random.RandomState` (numpy 1.24, MT19937). HELM's eval downsampling calls
 * `np.random.seed(0); np.random.choice(eval, N, replace=False)` (runner.py), which this reproduces
 * through `choice(n, k)`. Mutable: every draw advances the generator.
 * @example new NumpyRandomState(0).choice(20, 5); // [18, 1, 19, 8, 10]
 */
export class NumpyRandomState {
  private readonly mt = new Mt19937();

  constructor(seed: number) {
    this.seed(seed);
  }

  /** `seed(int)`: legacy seeding of an int in [0, 2^32) is `init_genrand(seed)`, not init_by_array. */
  seed(seed: number): void {
    if (!Number.isInteger(seed) || seed < 0 || seed >= TWO_POW_32) {
      throw new RangeError(`Seed must be between 0 and 2**32 - 1, got ${seed}`);
    }
    this.mt.initGenrand(seed);
  }

  /** `random_sample()`: a float in [0, 1) with 53 random bits, the same formula as CPython's `random()`. */
  randomSample(): number {
    const a = this.mt.nextUint32() >>> 5;
    const b = this.mt.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /**
   * `permutation(n)`: `arange(n)` shuffled by the legacy shuffle, which for i from n-1 down to 1 swaps
   * with `random_interval(i)` (masked rejection sampling, not the bounded draws of `Generator`).
   * Allocates one Int32Array of n entries (4n bytes); n ≤ 2^31 - 1.
   */
  permutation(n: number): Int32Array {
    if (!Number.isInteger(n) || n < 0 || n > MAX_INT32) {
      throw new RangeError(`permutation(${n}): expected an integer in [0, 2^31 - 1]`);
    }
    const values = new Int32Array(n);
    for (let i = 0; i < n; i++) values[i] = i;
    const mt = this.mt;
    for (let i = n - 1; i > 0; i--) {
      // random_interval(i) for i < 2^31: the smallest all-ones mask ≥ i, redrawn until ≤ i.
      // (NumPy switches to 64-bit draws only when i > 0xffffffff, beyond what an Int32Array holds.)
      const mask = 0xffffffff >>> Math.clz32(i);
      let j = mt.nextUint32() & mask;
      while (j > i) j = mt.nextUint32() & mask;
      const held = values[i]!;
      values[i] = values[j]!;
      values[j] = held;
    }
    return values;
  }

  /**
   * `choice(n, k, replace=False)` with uniform probabilities: `permutation(n)[:k]`. The whole
   * permutation is drawn even for small k, so the generator ends where NumPy's does.
   */
  choice(n: number, k: number): number[] {
    if (!Number.isInteger(k) || k < 0) throw new RangeError(`choice: negative or non-integer sample size ${k}`);
    if (n <= 0 && k !== 0) throw new RangeError("'a' must be greater than 0 unless no samples are taken");
    if (k > n) throw new RangeError("Cannot take a larger sample than population when 'replace=False'");
    return Array.from(this.permutation(n).subarray(0, k));
  }
}
