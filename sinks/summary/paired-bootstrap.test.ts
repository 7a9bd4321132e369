import { describe, expect, it } from 'vitest';
import { indexSampler } from './paired-bootstrap-indices.ts';
import { pairedBootstrap, percentileOfSorted, type PairedSample } from './paired-bootstrap.ts';

// Expected values: __fixtures__/compare/bootstrap_reference.py (numpy 1.24 in /work/anchor), which draws the same
// indices and computes the statistics with numpy; equal to the last bit.

const ones = (n: number): Float64Array => new Float64Array(n).fill(1);
const unitPairs = (a: readonly number[], b: readonly number[]): PairedSample => ({
  sumA: Float64Array.from(a), countA: ones(a.length), sumB: Float64Array.from(b), countB: ones(b.length),
});
const series = (n: number, f: (i: number) => number): Float64Array => Float64Array.from({ length: n }, (_, i) => f(i));

describe('indexSampler', () => {
  it('draws xoshiro128** outputs seeded by SplitMix64, as the C reference does', () => {
    // xoshiro128starstar.c seeded with two splitmix64.c outputs; the mask of 2^31 − 1 keeps the low 31 bits.
    const out = new Int32Array(8);
    indexSampler(0).fill(out, 0x7fffffff);
    const reference = [3737715805, 2584255861, 2876756834, 3286328325, 1553311962, 1625202774, 3260698944, 2754151956];
    expect([...out]).toEqual(reference.map((x) => x & 0x7fffffff));
    indexSampler(42).fill(out, 0x7fffffff);
    expect(out[0]).toBe(1776835114);
  });

  it('continues one stream across fills and rejects draws above n − 1', () => {
    const whole = new Int32Array(12);
    indexSampler(5).fill(whole, 10);
    const sampler = indexSampler(5);
    const first = new Int32Array(5);
    const rest = new Int32Array(7);
    sampler.fill(first, 10);
    sampler.fill(rest, 10);
    expect([...first, ...rest]).toEqual([...whole]);
    expect(whole.every((j) => j >= 0 && j < 10)).toBe(true);
  });

  it('refuses a seed outside [0, 2^32)', () => {
    expect(() => indexSampler(-1)).toThrow(/seed must be an integer/);
  });
});

describe('percentileOfSorted', () => {
  it('interpolates as numpy.percentile does', () => {
    const sorted = Float64Array.of(0, 1, 2, 10);
    // repr(np.percentile([0, 1, 2, 10], [2.5, 97.5, 60])), numpy 1.24
    expect(percentileOfSorted(sorted, 2.5)).toBe(0.07500000000000001);
    expect(percentileOfSorted(sorted, 97.5)).toBe(9.399999999999999);
    expect(percentileOfSorted(sorted, 60)).toBe(1.7999999999999998);
    expect(percentileOfSorted(Float64Array.of(3), 50)).toBe(3);
  });
});

describe('pairedBootstrap', () => {
  it('gives the exact bootstrap law of two pairs: mean 0, 1/2 or 1 with probability 1/4, 1/2, 1/4', () => {
    // δ = 1/2; |δ* − δ| ≥ |δ| exactly when δ* is 0 or 1, probability 1/2. The 2.5th percentile is 0, the 97.5th 1.
    const result = pairedBootstrap(unitPairs([0, 0], [0, 1]), { resamples: 20_000, seed: 1 });
    expect(result).toMatchObject({ meanA: 0, meanB: 0.5, difference: 0.5, ciLow: 0, ciHigh: 1 });
    expect(result.pValue!).toBeGreaterThan(0.49);
    expect(result.pValue!).toBeLessThan(0.51);
  });

  it('matches numpy on ten 0/1 pairs (the class path)', () => {
    const result = pairedBootstrap(unitPairs([1, 0, 1, 1, 0, 0, 1, 0, 1, 0], [1, 1, 1, 1, 0, 1, 1, 0, 1, 1]), {
      resamples: 1000, seed: 0,
    });
    expect(result).toEqual({
      meanA: 0.5, meanB: 0.8, difference: 0.30000000000000004, ciLow: 0, ciHigh: 0.6, pValue: 0.06693306693306693,
    });
  });

  it('matches numpy with eleven classes (compared with each bound) and seventeen (binary search)', () => {
    const eleven = pairedBootstrap({
      sumA: series(200, (i) => ((i * 37) % 5) / 4), countA: ones(200), sumB: series(200, (i) => ((i * 11) % 7) / 4), countB: ones(200),
    }, { resamples: 300, seed: 3 });
    expect(eleven).toEqual({
      meanA: 0.5, meanB: 0.7475, difference: 0.24750000000000005, ciLow: 0.1636875, ciHigh: 0.33506249999999993,
      pValue: 0.0033222591362126247,
    });
    const seventeen = pairedBootstrap({
      sumA: series(300, (i) => ((i * 37) % 9) / 8), countA: ones(300), sumB: series(300, (i) => ((i * 11) % 9) / 8), countB: ones(300),
    }, { resamples: 300, seed: 3 });
    expect(seventeen).toEqual({
      meanA: 0.49625, meanB: 0.4975, difference: 0.0012499999999999734, ciLow: -0.03190625, ciHigh: 0.035854166666666645,
      pValue: 0.9700996677740864,
    });
  });

  it('matches numpy at 10^5 pairs, where the class table has buckets that straddle a class bound', () => {
    const size = 100_000;
    const result = pairedBootstrap({
      sumA: series(size, (i) => ((i * 37) % 9) / 8), countA: ones(size), sumB: series(size, (i) => ((i * 11) % 7) / 4), countB: ones(size),
    }, { resamples: 20, seed: 11 });
    expect(result).toEqual({
      meanA: 0.499995, meanB: 0.7499925, difference: 0.24999749999999993, ciLow: 0.246724125, ciHigh: 0.25306284375,
      pValue: 0.047619047619047616,
    });
  });

  it('gives a point interval and p = 1/(B + 1) when every pair differs by the same amount', () => {
    expect(pairedBootstrap(unitPairs([0, 1, 0], [1, 2, 1]), { resamples: 10, seed: 0 })).toEqual({
      meanA: 0.3333333333333333, meanB: 1.3333333333333333, difference: 1, ciLow: 1, ciHigh: 1, pValue: 1 / 11,
    });
  });

  const n = 5000;
  const a = series(n, (i) => ((i * 7919) % 10007) / 10007);
  const b = series(n, (i) => ((i * 104729) % 10009) / 10009);

  it('matches numpy with more than 4,096 distinct differences (reads them at the drawn indices)', () => {
    expect(pairedBootstrap({ sumA: a, countA: ones(n), sumB: b, countB: ones(n) }, { resamples: 200, seed: 7 })).toEqual({
      meanA: 0.5002713700409714, meanB: 0.5006221200919171, difference: 0.0003507500509456474,
      ciLow: -0.010461700412668511, ciHigh: 0.011381028037841797, pValue: 0.9651741293532339,
    });
  });

  it('matches numpy on pairs of several stats each (ratio of sums)', () => {
    const sample = { sumA: a, countA: series(n, (i) => 1 + (i % 2)), sumB: b, countB: series(n, (i) => 1 + (i % 3)) };
    expect(pairedBootstrap(sample, { resamples: 200, seed: 7 })).toEqual({
      meanA: 0.333514246693981, meanB: 0.25033609365532405, difference: -0.08317815303865694,
      ciLow: -0.09121204312430847, ciHigh: -0.07494165623297679, pValue: 0.004975124378109453,
    });
  });

  it('gives p = 1 when the means are equal, and no interval for a single pair', () => {
    expect(pairedBootstrap(unitPairs([1, 0, 1], [0, 1, 1]), { resamples: 50, seed: 0 }).pValue).toBe(1);
    expect(pairedBootstrap(unitPairs([1], [0]), { resamples: 50, seed: 0 })).toEqual({
      meanA: 1, meanB: 0, difference: -1, ciLow: null, ciHigh: null, pValue: null,
    });
  });

  it('refuses resamples that are not a positive integer and arrays of different lengths', () => {
    expect(() => pairedBootstrap(unitPairs([1, 0], [0, 1]), { resamples: 0, seed: 0 })).toThrow(/resamples must be a positive integer/);
    expect(() => pairedBootstrap({ ...unitPairs([1, 0], [0, 1]), countB: ones(3) }, { resamples: 5, seed: 0 })).toThrow(/differ in length/);
  });
});
