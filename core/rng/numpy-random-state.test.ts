import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NumpyRandomState } from './numpy-random-state.ts';

type Case =
  | { seed: number; op: 'choice_without_replacement'; n: number; k: number; result: number[] }
  | { seed: number; op: 'permutation'; n: number; result: number[] }
  | { seed: number; op: 'random_sample'; n: number; result: number[] };

function loadCases(): Case[] {
  const text = readFileSync(new URL('../../../shared/testdata/rng-vectors.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { numpy_legacy: Case[] }).numpy_legacy;
}

function perform(rng: NumpyRandomState, testCase: Case): number[] {
  switch (testCase.op) {
    case 'choice_without_replacement':
      return rng.choice(testCase.n, testCase.k);
    case 'permutation':
      return Array.from(rng.permutation(testCase.n));
    case 'random_sample':
      return Array.from({ length: testCase.n }, () => rng.randomSample());
  }
}

describe('NumpyRandomState against numpy 1.24 legacy RandomState (rng-vectors.json)', () => {
  const cases = loadCases();

  it('covers all 27 numpy_legacy cases of the vector file', () => {
    expect(cases).toHaveLength(27);
  });

  for (const testCase of cases) {
    const size = testCase.op === 'choice_without_replacement' ? `${testCase.n}, ${testCase.k}` : `${testCase.n}`;
    it(`reproduces seed ${testCase.seed}: ${testCase.op}(${size})`, () => {
      expect(perform(new NumpyRandomState(testCase.seed), testCase)).toEqual(testCase.result);
    });
  }
});

describe('NumpyRandomState golden values (helm.md §5.6, §13)', () => {
  it('downsamples like HELM: seed(0); choice(range(20), 5, replace=False)', () => {
    expect(new NumpyRandomState(0).choice(20, 5)).toEqual([18, 1, 19, 8, 10]);
  });

  it('downsamples like HELM: seed(0); choice(range(50), 10, replace=False)', () => {
    expect(new NumpyRandomState(0).choice(50, 10)).toEqual([28, 11, 10, 41, 2, 27, 38, 31, 22, 4]);
  });

  it('continues the stream across calls and restarts it on seed()', () => {
    const rng = new NumpyRandomState(0);
    const first = rng.choice(20, 5);
    expect(rng.choice(20, 5)).not.toEqual(first);
    rng.seed(0);
    expect(rng.choice(20, 5)).toEqual(first);
  });

  it('handles empty and single-element populations without drawing', () => {
    const rng = new NumpyRandomState(0);
    expect(Array.from(rng.permutation(0))).toEqual([]);
    expect(Array.from(rng.permutation(1))).toEqual([0]);
    expect(rng.choice(0, 0)).toEqual([]);
    expect(rng.randomSample()).toBe(0.5488135039273248); // still the first draw of seed 0
  });

  it('rejects what NumPy rejects', () => {
    expect(() => new NumpyRandomState(2 ** 32)).toThrow('Seed must be between 0 and 2**32 - 1');
    expect(() => new NumpyRandomState(-1)).toThrow('Seed must be between');
    expect(() => new NumpyRandomState(0).choice(3, 4)).toThrow('larger sample than population');
    expect(() => new NumpyRandomState(0).choice(0, 1)).toThrow("'a' must be greater than 0");
  });
});
