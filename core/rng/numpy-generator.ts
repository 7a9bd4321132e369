/**
 * @module A bit-exact port of NumPy's `np.random.default_rng(seed)`: `SeedSequence` seeding a `PCG64` bit generator
 * (XSL-RR output, 128-bit LCG), and the `Generator.permutation` draw. Hugging Face `datasets` splits with it
 * (`Dataset.train_test_split(seed=…)` takes `default_rng(seed).permutation(len)`).
 */

const MASK32 = 0xffffffff;
const MASK64 = (1n << 64n) - 1n;
const MASK128 = (1n << 128n) - 1n;
// SeedSequence's hash constants (numpy/random/bit_generator.pyx).
const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;
const XSHIFT = 16;
/** PCG's default 128-bit multiplier (PCG_DEFAULT_MULTIPLIER_128). */
const PCG_MULTIPLIER = (2549297995355413924n << 64n) + 4865540595714422341n;

/** A non-negative integer seed as SeedSequence reads it: its 32-bit words, least significant first (0 → [0]). */
function seedWords(seed: number | bigint): number[] {
  let n = BigInt(seed);
  if (n < 0n) throw new RangeError(`A SeedSequence seed must be non-negative, got ${n}.`);
  if (n === 0n) return [0];
  const words: number[] = [];
  for (; n > 0n; n >>= 32n) words.push(Number(n & 0xffffffffn));
  return words;
}

/**
 * `SeedSequence(seed).generate_state(nWords, np.uint32)`: NumPy's seed hashing (the pool of 4 words mixed from the
 * seed's words, then hashed out word by word).
 */
export function seedSequenceState(seed: number | bigint, nWords: number): number[] {
  const entropy = seedWords(seed);
  const pool = [0, 0, 0, 0];
  let hashConst = INIT_A;
  const hashmix = (value: number): number => {
    let v = (value ^ hashConst) >>> 0;
    hashConst = Math.imul(hashConst, MULT_A) >>> 0;
    v = Math.imul(v, hashConst) >>> 0;
    return (v ^ (v >>> XSHIFT)) >>> 0;
  };
  const mix = (x: number, y: number): number => {
    const result = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
    return (result ^ (result >>> XSHIFT)) >>> 0;
  };
  for (let i = 0; i < pool.length; i++) pool[i] = hashmix(i < entropy.length ? entropy[i]! : 0);
  for (let src = 0; src < pool.length; src++) {
    for (let dst = 0; dst < pool.length; dst++) if (src !== dst) pool[dst] = mix(pool[dst]!, hashmix(pool[src]!));
  }
  for (let src = pool.length; src < entropy.length; src++) {
    for (let dst = 0; dst < pool.length; dst++) pool[dst] = mix(pool[dst]!, hashmix(entropy[src]!));
  }
  const state: number[] = [];
  let constB = INIT_B;
  for (let i = 0; i < nWords; i++) {
    let v = (pool[i % pool.length]! ^ constB) >>> 0;
    constB = Math.imul(constB, MULT_B) >>> 0;
    v = Math.imul(v, constB) >>> 0;
    state.push((v ^ (v >>> XSHIFT)) >>> 0);
  }
  return state;
}

/**
 * NumPy's `Generator(PCG64(SeedSequence(seed)))`, i.e. `np.random.default_rng(seed)`, with the draws `datasets`
 * uses. Mutable: every draw advances the generator.
 * @example new NumpyGenerator(42).permutation(5)
 */
export class NumpyGenerator {
  private state: bigint;
  private readonly increment: bigint;
  private bufferedUint32: number | undefined;

  constructor(seed: number | bigint) {
    // generate_state(4, np.uint64): little-endian pairs of 32-bit words; seed = words 0-1, stream = words 2-3.
    const w = seedSequenceState(seed, 8).map(BigInt);
    const u64 = (i: number): bigint => w[2 * i]! | (w[2 * i + 1]! << 32n);
    const initState = (u64(0) << 64n) | u64(1);
    const initSeq = (u64(2) << 64n) | u64(3);
    this.increment = ((initSeq << 1n) | 1n) & MASK128;
    this.state = 0n;
    this.step();
    this.state = (this.state + initState) & MASK128;
    this.step();
  }

  private step(): void {
    this.state = (this.state * PCG_MULTIPLIER + this.increment) & MASK128;
  }

  /** The next 64-bit output (XSL-RR of the advanced state), as a bigint. */
  nextUint64(): bigint {
    this.step();
    const xored = ((this.state >> 64n) ^ this.state) & MASK64;
    const rot = this.state >> 122n;
    return ((xored >> rot) | (xored << ((64n - rot) & 63n))) & MASK64;
  }

  /** The next 32-bit output: the low half of a 64-bit draw, then its high half (PCG64's buffered next32). */
  nextUint32(): number {
    if (this.bufferedUint32 !== undefined) {
      const value = this.bufferedUint32;
      this.bufferedUint32 = undefined;
      return value;
    }
    const next = this.nextUint64();
    this.bufferedUint32 = Number(next >> 32n);
    return Number(next & 0xffffffffn);
  }

  /** NumPy's `random_interval(max)`: a uniform integer in [0, max] by masked rejection (32-bit draws below 2^32). */
  interval(max: number): number {
    if (max === 0) return 0;
    if (max > MASK32) throw new RangeError(`interval(${max}): only bounds below 2^32 are supported.`);
    let mask = max;
    for (const shift of [1, 2, 4, 8, 16]) mask = (mask | (mask >>> shift)) >>> 0;
    for (;;) {
      const value = (this.nextUint32() & mask) >>> 0;
      if (value <= max) return value;
    }
  }

  /** `Generator.permutation(n)`: `arange(n)` shuffled in place from the end (Fisher-Yates with `random_interval`). */
  permutation(n: number): number[] {
    const values = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i >= 1; i--) {
      const j = this.interval(i);
      [values[i], values[j]] = [values[j]!, values[i]!];
    }
    return values;
  }
}
