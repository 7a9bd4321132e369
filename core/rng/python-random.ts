/** @module A bit-exact port of CPython 3.11 `random.Random` (MT19937 seeded with init_by_array). */

import { createHash } from 'node:crypto';
import { Mt19937 } from './mt19937.ts';

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/** A Python `random` seed: an int (a bigint beyond 2^53) or a str (hashed with SHA-512, version 2). */
export type PythonSeed = number | bigint | string;

/**
 * CPython 3.11's `random.Random`, call for call: the same seed gives the same draws, shuffles and
 * samples as Python. HELM uses it for in-context sampling (`random.seed(trial)`), perturbations
 * (`Random(instance.id)`) and many scenarios. Mutable: every draw advances the generator.
 * @example const rng = new PythonRandom('id0'); rng.random(); // 0.51172047939132, as Random("id0").random()
 */
export class PythonRandom {
  private readonly mt = new Mt19937();

  constructor(seed: PythonSeed) {
    this.seed(seed);
  }

  /** `Random.seed(a)`: ints by the 32-bit words of |a|; strs as `int.from_bytes(a + sha512(a))`. */
  seed(seed: PythonSeed): void {
    this.mt.initByArray(typeof seed === 'string' ? stringSeedKey(seed) : intSeedKey(seed));
  }

  /** `random()`: a float in [0, 1) with 53 random bits (`random_random` in `_randommodule.c`). */
  random(): number {
    const a = this.mt.nextUint32() >>> 5;
    const b = this.mt.nextUint32() >>> 6;
    return (a * 67108864 + b) / TWO_POW_53;
  }

  /** `getrandbits(k)`: a non-negative int of k random bits; words are filled least significant first. */
  getrandbits(k: number): bigint {
    checkBitCount(k);
    if (k <= 32) return BigInt(this.bits(k));
    let result = 0n;
    for (let shift = 0n; k > 0; k -= 32, shift += 32n) {
      const word = this.mt.nextUint32();
      result |= BigInt(k < 32 ? word >>> (32 - k) : word) << shift;
    }
    return result;
  }

  /** `getrandbits(k)` for k ≤ 53, as a number; consumes exactly what Python's would. */
  getrandbitsNumber(k: number): number {
    checkBitCount(k);
    if (k > 53) throw new RangeError(`getrandbitsNumber(${k}): a number holds at most 53 bits; use getrandbits`);
    return this.bits(k);
  }

  /**
   * `_randbelow_with_getrandbits(n)`: k = n.bit_length(); draw k bits until the value is below n.
   * Works for any positive integer n ≤ 2^53.
   */
  randbelow(n: number): number {
    if (!Number.isInteger(n) || n <= 0 || n > TWO_POW_53) {
      throw new RangeError(`randbelow(${n}): expected an integer in [1, 2^53]`);
    }
    const k = bitLength(n);
    let r = this.bits(k);
    while (r >= n) r = this.bits(k);
    return r;
  }

  /** `randrange(stop)` or `randrange(start, stop)` with step 1: an int in [start, stop). */
  randrange(startOrStop: number, stop?: number): number {
    checkInteger(startOrStop, 1);
    if (stop === undefined) {
      if (startOrStop > 0) return this.randbelow(startOrStop);
      throw new RangeError('empty range for randrange()');
    }
    checkInteger(stop, 2);
    const width = stop - startOrStop;
    if (width > 0) return startOrStop + this.randbelow(width);
    throw new RangeError(`empty range for randrange() (${startOrStop}, ${stop}, ${width})`);
  }

  /** `randint(a, b)`: an int in [a, b], both ends included. */
  randint(a: number, b: number): number {
    return this.randrange(a, b + 1);
  }

  /** `choice(seq)`: one element, chosen with `randbelow(len(seq))`. */
  choice<T>(seq: readonly T[]): T {
    if (seq.length === 0) throw new RangeError('Cannot choose from an empty sequence');
    return seq[this.randbelow(seq.length)]!;
  }

  /** `shuffle(x)` in place: for i from n-1 down to 1, swap x[i] with x[randbelow(i + 1)]. */
  shuffle<T>(arr: T[]): void {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = this.randbelow(i + 1);
      const held = arr[i]!;
      arr[i] = arr[j]!;
      arr[j] = held;
    }
  }

  /**
   * `sample(population, k)`: k distinct elements in selection order. Like CPython 3.11 it keeps a
   * pool when the population is small next to a k-sized set, and otherwise redraws repeated indices;
   * the two consume the generator differently, so the switch point must match Python's.
   */
  sample<T>(population: readonly T[], k: number): T[] {
    const n = population.length;
    if (!Number.isInteger(k) || k < 0 || k > n) {
      throw new RangeError('Sample larger than population or is negative');
    }
    const result = new Array<T>(k);
    if (n <= sampleSetSize(k)) {
      const pool = population.slice();
      for (let i = 0; i < k; i++) {
        const j = this.randbelow(n - i);
        result[i] = pool[j]!;
        pool[j] = pool[n - i - 1]!; // move a non-selected item into the vacancy
      }
    } else {
      const selected = new Set<number>();
      for (let i = 0; i < k; i++) {
        let j = this.randbelow(n);
        while (selected.has(j)) j = this.randbelow(n);
        selected.add(j);
        result[i] = population[j]!;
      }
    }
    return result;
  }

  /** `uniform(a, b)`: `a + (b - a) * random()`. */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.random();
  }

  /**
   * k random bits (0 ≤ k ≤ 64) as a number, words least significant first like CPython. Exact up to
   * 53 bits; above that the value is rounded, which `randbelow` tolerates because rounding keeps
   * anything ≥ 2^53 at ≥ 2^53, so comparisons with n ≤ 2^53 still come out right.
   */
  private bits(k: number): number {
    if (k <= 32) return k === 0 ? 0 : this.mt.nextUint32() >>> (32 - k);
    const low = this.mt.nextUint32();
    const high = this.mt.nextUint32() >>> (64 - k);
    return high * TWO_POW_32 + low;
  }
}

/** CPython `random_seed` for ints: the little-endian 32-bit words of |seed|, at least one word. */
function intSeedKey(seed: number | bigint): number[] {
  if (typeof seed === 'number') {
    if (!Number.isSafeInteger(seed)) {
      // Python hashes a float seed rather than using its value, so only exact ints are accepted.
      throw new RangeError(`PythonRandom seed ${seed} is not a safe integer; pass a bigint or a string`);
    }
    const magnitude = Math.abs(seed);
    const high = Math.floor(magnitude / TWO_POW_32);
    return high > 0 ? [magnitude >>> 0, high] : [magnitude >>> 0];
  }
  let magnitude = seed < 0n ? -seed : seed;
  const key = [Number(magnitude & 0xffffffffn)];
  for (magnitude >>= 32n; magnitude > 0n; magnitude >>= 32n) key.push(Number(magnitude & 0xffffffffn));
  return key;
}

/** Version-2 str seeding: the words of `int.from_bytes(utf8 + sha512(utf8), 'big')`, without leading zero words. */
function stringSeedKey(seed: string): Uint32Array {
  const text = Buffer.from(seed, 'utf8');
  const bytes = Buffer.concat([text, createHash('sha512').update(text).digest()]);
  const key = new Uint32Array(Math.ceil(bytes.length / 4));
  // Byte i from the end is bits 8i.. of the big-endian integer: word i >> 2, byte lane i & 3.
  for (let i = 0; i < bytes.length; i++) {
    const word = i >> 2;
    key[word] = key[word]! | (bytes[bytes.length - 1 - i]! << (8 * (i & 3)));
  }
  let used = key.length;
  while (used > 1 && key[used - 1] === 0) used--;
  return key.subarray(0, used);
}

/** CPython 3.11 `sample`: setsize = 21, plus 4 ** ceil(log(3k, 4)) when k > 5. */
function sampleSetSize(k: number): number {
  if (k <= 5) return 21;
  // ceil(log4(3k)) computed exactly: 3k is never a power of 4, so the float form can't disagree.
  let power = 1;
  while (power < 3 * k) power *= 4;
  return 21 + power;
}

/** int.bit_length() for a positive integer up to 2^53. */
function bitLength(n: number): number {
  if (n < TWO_POW_32) return 32 - Math.clz32(n);
  return 64 - Math.clz32(Math.floor(n / TWO_POW_32));
}

function checkBitCount(k: number): void {
  if (!Number.isInteger(k) || k < 0) throw new RangeError('number of bits must be non-negative');
}

function checkInteger(value: number, position: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`non-integer arg ${position} for randrange()`);
}
