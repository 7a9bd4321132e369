/**
 * @module A bit-exact port of the NumPy legacy `RandomState` draws that HELM uses (seed, random_sample, randint,
 * permutation, shuffle, choice with and without replacement).
 */

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

  /**
   * A generator at a saved state: NumPy's `set_state(("MT19937", key, pos, has_gauss, cached_gaussian))` with
   * no cached Gaussian (none of the draws ported here uses one).
   */
  static fromState(key: ArrayLike<number>, pos: number): NumpyRandomState {
    const generator = new NumpyRandomState(0);
    generator.mt.setState(key, pos);
    return generator;
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
    this.shuffle(values);
    return values;
  }

  /**
   * `shuffle(x)` in place, for a list or a 1-d array: for i from n-1 down to 1, swap x[i] with
   * `random_interval(i)` (the legacy untyped path; a 1-d ndarray draws the same). n ≤ 2^32.
   */
  shuffle<T>(x: { length: number; [index: number]: T }): void {
    for (let i = x.length - 1; i > 0; i--) {
      const j = this.bounded(i);
      const held = x[i]!;
      x[i] = x[j]!;
      x[j] = held;
    }
  }

  /**
   * `randint(low, high)` (default int64, high excluded; `randint(high)` is `randint(0, high)`): legacy draws are
   * masked rejection over 32-bit words while `high - 1 - low` < 2^32, and none at all when the range holds
   * one value. Wider ranges (64-bit draws) are not ported and throw.
   */
  randint(low: number, high?: number): number {
    const [from, to] = high === undefined ? [0, low] : [low, high];
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to)) throw new RangeError(`randint(${low}, ${high}): expected integers`);
    if (to <= from) throw new RangeError(from === 0 ? 'high <= 0' : 'low >= high');
    const range = to - 1 - from;
    if (range > 0xffffffff) throw new RangeError(`randint: a range of ${range + 1} values needs 64-bit draws, which are not ported`);
    return from + this.bounded(range);
  }

  /**
   * `choice(n, size)` with replacement and uniform probabilities (`choice(list, size)` picks `list[i]` for each
   * index): `randint(0, n, size)`, one masked draw per element.
   */
  choiceWithReplacement(n: number, size: number): number[] {
    if (!Number.isInteger(n) || n <= 0) throw new RangeError("'a' must be greater than 0 unless no samples are taken");
    if (!Number.isInteger(size) || size < 0) throw new RangeError(`choice: negative or non-integer sample size ${size}`);
    return Array.from({ length: size }, () => this.randint(0, n));
  }

  /**
   * A uniform int in [0, max] (`random_interval`, and `random_bounded_uint64_fill` in masked mode below 2^32):
   * draw 32-bit words masked to the smallest all-ones mask ≥ max until one is ≤ max; max 0 draws nothing.
   */
  private bounded(max: number): number {
    if (max === 0) return 0;
    if (max === 0xffffffff) return this.mt.nextUint32();
    const mask = 0xffffffff >>> Math.clz32(max);
    let value = (this.mt.nextUint32() & mask) >>> 0;
    while (value > max) value = (this.mt.nextUint32() & mask) >>> 0;
    return value;
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
