// np.random.default_rng(seed): every expected value below was printed by /work/anchor's python (numpy 1.24.2).
import { describe, expect, it } from 'vitest';
import { NumpyGenerator, seedSequenceState } from './numpy-generator.ts';

describe('seedSequenceState', () => {
  it('matches np.random.SeedSequence(42).generate_state(4)', () => {
    expect(seedSequenceState(42, 4)).toEqual([3444837047, 2669555309, 2046530742, 3581440988]);
  });
});

describe('NumpyGenerator', () => {
  it('matches default_rng(seed).bit_generator.random_raw for a one-word and a three-word seed', () => {
    const g = new NumpyGenerator(42);
    expect([g.nextUint64(), g.nextUint64()]).toEqual([14276969152011380360n, 8095878257575067585n]);
    const big = new NumpyGenerator(2n ** 70n + 3n);
    expect([big.nextUint64(), big.nextUint64(), big.nextUint64()]).toEqual([7754773597696927362n, 5273438921104871389n, 1960393013035974977n]);
  });

  it('matches default_rng(42).permutation(50), the split of a 50-row dataset by train_test_split(seed=42)', () => {
    expect(new NumpyGenerator(42).permutation(50)).toEqual([
      5, 25, 20, 49, 39, 27, 47, 45, 46, 17, 37, 31, 40, 23, 18, 7, 4, 38, 29, 24, 34, 9, 28, 21, 26, 41, 16, 42, 32, 15, 3, 44, 30, 10, 43,
      6, 11, 22, 19, 35, 0, 12, 14, 48, 2, 36, 33, 1, 13, 8,
    ]);
  });

  it.each([
    { seed: 0n, n: 10, first: [4, 6, 2, 7, 3, 5, 9, 0, 8, 1], weighted: 195 },
    { seed: 1n, n: 1, first: [0], weighted: 0 },
    { seed: 7n, n: 2, first: [0, 1], weighted: 1 },
    { seed: 1234n, n: 300, first: [239, 238, 263, 265, 109, 78, 114, 130, 24, 236, 87, 61], weighted: 6508916 },
    { seed: 2n ** 40n + 5n, n: 64, first: [56, 57, 0, 19, 54, 7, 34, 29, 2, 11, 40, 45], weighted: 63183 },
    { seed: 2n ** 70n + 3n, n: 33, first: [25, 13, 6, 14, 20, 28, 3, 30, 16, 17, 31, 7], weighted: 8166 },
    { seed: 123456789n, n: 1000, first: [441, 458, 719, 781, 869, 438, 774, 742, 383, 555, 206, 596], weighted: 245337349 },
  ])('matches default_rng($seed).permutation($n) (its first values and Σ i·p[i])', ({ seed, n, first, weighted }) => {
    const p = new NumpyGenerator(seed).permutation(n);
    expect(p.slice(0, 12)).toEqual(first);
    expect(p.reduce((sum, v, i) => sum + i * v, 0)).toBe(weighted);
  });

  it('refuses a negative seed', () => {
    expect(() => new NumpyGenerator(-1)).toThrow('A SeedSequence seed must be non-negative, got -1.');
  });
});
