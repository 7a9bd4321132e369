// randint, shuffle and choice with replacement of NumpyRandomState, against numpy 1.24's legacy RandomState:
// every expected value below was printed by /work/anchor's python (numpy 1.24.2) for the same calls.
import { describe, expect, it } from 'vitest';
import { NumpyRandomState } from './numpy-random-state.ts';

describe('NumpyRandomState.randint (legacy masked draws)', () => {
  it('matches RandomState(42).randint over small and wide ranges, in one stream', () => {
    const rng = new NumpyRandomState(42);
    const draws = [
      ...Array.from({ length: 8 }, () => rng.randint(1, 3)),
      ...Array.from({ length: 8 }, () => rng.randint(2, 4)),
      ...Array.from({ length: 4 }, () => rng.randint(0, 1000)),
      ...Array.from({ length: 4 }, () => rng.randint(-5, 70000)),
    ];
    expect(draws).toEqual([1, 2, 1, 1, 1, 2, 1, 1, 2, 3, 2, 2, 2, 2, 3, 2, 99, 871, 663, 130, 67216, 64815, 764, 59730]);
  });

  it('matches np.random.seed(42); np.random.randint(n): one value (n = 1) draws nothing', () => {
    const rng = new NumpyRandomState(42);
    expect([4, 3, 1, 2, 4, 1, 3].map((n) => rng.randint(n))).toEqual([2, 0, 0, 0, 2, 0, 0]);
    expect(rng.randomSample()).toBe(0.596850157946487);
  });

  it('matches RandomState(3) at the 32-bit edges: 2^32 values unmasked, 2^32 - 1 masked, one value, 2^31', () => {
    const rng = new NumpyRandomState(3);
    expect([rng.randint(0, 2 ** 32), rng.randint(0, 2 ** 32 - 1), rng.randint(5, 6), rng.randint(0, 2 ** 31)]).toEqual([
      2365658986, 303761048, 5, 893988089,
    ]);
  });

  it('rejects what NumPy rejects, and the 64-bit ranges it does not port', () => {
    const rng = new NumpyRandomState(0);
    expect(() => rng.randint(0)).toThrow('high <= 0');
    expect(() => rng.randint(3, 3)).toThrow('low >= high');
    expect(() => rng.randint(0, 2 ** 33)).toThrow('not ported');
  });
});

describe('NumpyRandomState.choiceWithReplacement', () => {
  it('matches RandomState(7).choice(22, size=k) for k = 1, 2, 3, 5 in one stream', () => {
    const rng = new NumpyRandomState(7);
    expect([1, 2, 3, 5].map((k) => rng.choiceWithReplacement(22, k))).toEqual([[15], [4, 3], [19, 7, 14], [8, 14, 10, 8, 7]]);
  });

  it('picks list items as RandomState(7).choice(["X", "Y", "Z"], size=k) does', () => {
    const rng = new NumpyRandomState(7);
    const symbols = ['X', 'Y', 'Z'];
    const picks = [2, 3, 3].map((k) => rng.choiceWithReplacement(symbols.length, k).map((i) => symbols[i]));
    expect(picks).toEqual([['X', 'Y'], ['Z', 'X', 'Y'], ['Z', 'X', 'Y']]);
  });
});

describe('NumpyRandomState.shuffle', () => {
  it('matches RandomState(0).shuffle of Python lists of 1, 2, 4, 7 and 33 items in one stream', () => {
    const rng = new NumpyRandomState(0);
    const lists = [1, 2, 4, 7, 33].map((n) => {
      const list = Array.from({ length: n }, (_, i) => i);
      rng.shuffle(list);
      return list;
    });
    expect(lists).toEqual([
      [0],
      [1, 0],
      [2, 0, 1, 3],
      [0, 2, 1, 4, 5, 6, 3],
      [22, 29, 16, 15, 11, 20, 26, 10, 25, 2, 31, 19, 32, 0, 3, 30, 9, 8, 13, 5, 17, 14, 7, 28, 1, 12, 27, 24, 6, 23, 4, 18, 21],
    ]);
  });
});
