import { describe, expect, it } from 'vitest';
import { numpyArgsort } from './numpy-argsort.ts';

// Expected permutations: np.argsort(values) in NumPy 1.24.2 (the HELM 0.5.16 anchor's numpy).
describe('numpyArgsort', () => {
  it('sorts ascending; up to 16 values it is an insertion sort, so ties keep their order', () => {
    expect(numpyArgsort([0.3, 0.1, 0.2])).toEqual([1, 2, 0]);
    expect(numpyArgsort([])).toEqual([]);
    expect(numpyArgsort([0.4, 0.7, 0.0, 0.3, 0.1, 0.1, 0.2, 0.3, 0.4, 0.5, 0.4, 0.7, 0.2, 0.9, 0.0, 0.7])).toEqual([
      2, 14, 4, 5, 6, 12, 3, 7, 0, 8, 10, 9, 1, 11, 15, 13,
    ]);
  });

  it('from 17 values on, partitions around a median of three and leaves ties where NumPy leaves them', () => {
    const values = [0.4, 0.7, 0.0, 0.3, 0.1, 0.1, 0.2, 0.3, 0.4, 0.5, 0.4, 0.7, 0.2, 0.9, 0.0, 0.7, 0.4];
    expect(numpyArgsort(values)).toEqual([14, 2, 4, 5, 6, 12, 3, 7, 0, 10, 8, 16, 9, 11, 15, 1, 13]);
    expect(numpyArgsort(new Array<number>(20).fill(0))).toEqual([
      0, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 18, 19,
    ]);
  });

  it('matches NumPy on 60 values with four distinct keys (several partitions deep)', () => {
    const values = [
      3, 2, 3, 1, 2, 2, 0, 1, 0, 0, 3, 2, 3, 0, 2, 0, 3, 0, 3, 1, 1, 3, 0, 3, 0, 1, 3, 1, 3, 2, 0, 2, 1, 2, 2, 1, 1, 2,
      1, 1, 2, 1, 2, 3, 0, 2, 1, 2, 0, 0, 0, 2, 0, 1, 3, 3, 3, 2, 0, 2,
    ];
    expect(numpyArgsort(values)).toEqual([
      58, 17, 22, 15, 30, 13, 48, 49, 50, 9, 8, 6, 24, 52, 44, 39, 25, 41, 27, 20, 36, 35, 46, 7, 38, 3, 53, 19, 32, 37,
      29, 42, 47, 51, 57, 40, 45, 59, 33, 31, 1, 4, 5, 14, 34, 11, 56, 55, 54, 2, 12, 16, 18, 21, 43, 23, 26, 28, 10, 0,
    ]);
  });

  it('falls back to NumPy\'s heapsort where partitioning goes too deep (a median-of-3 killer with ties)', () => {
    // McIlroy's adversary against this partition scheme, then some neighbouring values merged into ties.
    const values = [
      0, 75, 2, 74, 4, 72, 6, 72, 8, 70, 10, 69, 12, 69, 14, 68, 16, 67, 18, 66, 20, 65, 22, 64, 24, 27, 98, 97, 97,
      96, 95, 94, 93, 91, 91, 90, 89, 88, 87, 86, 85, 84, 83, 82, 80, 79, 79, 78, 77, 1, 3, 5, 7, 9, 11, 13, 15, 17,
      19, 21, 23, 25, 63, 62, 61, 60, 58, 58, 57, 56, 54, 54, 53, 52, 51, 50, 49, 48, 47, 45, 45, 44, 42, 42, 41, 40,
      39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29, 28, 76, 26
    ];
    expect(numpyArgsort(values)).toEqual([
      0, 49, 2, 50, 4, 51, 6, 52, 8, 53, 10, 54, 12, 55, 14, 56, 16, 57, 18, 58, 20, 59, 22, 60, 24, 61, 99, 25, 97,
      96, 95, 94, 93, 92, 91, 90, 89, 88, 87, 86, 85, 84, 83, 82, 81, 80, 79, 78, 77, 76, 75, 74, 73, 72, 71, 70, 69,
      68, 67, 66, 65, 64, 63, 62, 23, 21, 19, 17, 15, 13, 11, 9, 7, 5, 3, 1, 98, 48, 47, 46, 45, 44, 43, 42, 41, 40,
      39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29, 28, 27, 26
    ]);
  });

  it('puts NaN last', () => {
    expect(numpyArgsort([0.5, Number.NaN, 0.1, 0.5])).toEqual([2, 0, 3, 1]);
  });
});
