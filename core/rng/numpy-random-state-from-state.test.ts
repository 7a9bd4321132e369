import { describe, expect, it } from 'vitest';
import { NumpyRandomState } from './numpy-random-state.ts';

/** The 624 words of `init_genrand(seed)` (what NumPy's `RandomState(seed).get_state()[1]` holds before any draw). */
function initGenrandWords(seed: number): Uint32Array {
  const words = new Uint32Array(624);
  words[0] = seed;
  for (let i = 1; i < 624; i++) words[i] = Math.imul(1812433253, words[i - 1]! ^ (words[i - 1]! >>> 30)) + i;
  return words;
}

// Vectors: numpy 1.24 `np.random.set_state(("MT19937", RandomState(2024).get_state()[1], pos, 0, 0.0))`, then
// `permutation(12)` and `choice(30, 4, replace=False)` on the global generator.
describe('NumpyRandomState.fromState', () => {
  const words = initGenrandWords(2024);

  it('at position 624 draws as a fresh RandomState(2024)', () => {
    const generator = NumpyRandomState.fromState(words, 624);
    expect(Array.from(generator.permutation(12))).toEqual([6, 7, 2, 11, 5, 1, 4, 3, 9, 0, 10, 8]);
    expect(generator.choice(30, 4)).toEqual([19, 8, 29, 2]);
    expect(Array.from(new NumpyRandomState(2024).permutation(12))).toEqual([6, 7, 2, 11, 5, 1, 4, 3, 9, 0, 10, 8]);
  });

  it('at an earlier position first uses the words left, then regenerates', () => {
    const at600 = NumpyRandomState.fromState(words, 600);
    expect(Array.from(at600.permutation(12))).toEqual([8, 7, 3, 0, 11, 1, 4, 5, 10, 9, 6, 2]);
    expect(at600.choice(30, 4)).toEqual([17, 14, 27, 13]);
    const at0 = NumpyRandomState.fromState(words, 0);
    expect(Array.from(at0.permutation(12))).toEqual([0, 4, 8, 1, 7, 5, 11, 10, 2, 3, 6, 9]);
    expect(at0.choice(30, 4)).toEqual([10, 29, 27, 0]);
  });

  it('rejects a state of the wrong size or a position out of range', () => {
    expect(() => NumpyRandomState.fromState(words.subarray(1), 0)).toThrow('an MT19937 state has 624 words, got 623');
    expect(() => NumpyRandomState.fromState(words, 625)).toThrow('an MT19937 position is in [0, 624], got 625');
  });
});
