import { describe, expect, it } from 'vitest';
import { numpyMean, numpySum } from './numpy-sum.ts';

// Expected floats were computed with NumPy (numpy 2.4: np.sum, np.add.reduce, ndarray.mean).
describe('numpySum / numpyMean (np.add.reduce order)', () => {
  const xs = (n: number, k: number): number[] => Array.from({ length: n }, (_, i) => 1 / ((i % k) + 3));
  const naive = (v: number[]): number => v.reduce((a, b) => a + b, 0);

  it.each([
    [9, 3, 2.35, 2.3499999999999996], // 8 accumulators, then one left over
    [20, 1, 6.666666666666665, 6.666666666666664],
    [127, 1, 42.33333333333334, 42.33333333333336],
    [129, 1, 43, 43.00000000000003], // above 128: halves of 64 and 65
    [300, 1, 100, 99.99999999999966], // halves of 144 and 156, then again
  ])('sums %i values (1/(i %% %i + 3)) as numpy does, not left to right', (n, k, numpy, leftToRight) => {
    expect(numpySum(xs(n, k))).toBe(numpy);
    expect(naive(xs(n, k))).toBe(leftToRight);
  });

  it('sums pairwise as np.sum does (values computed with NumPy)', () => {
    expect(numpySum([1e16, 1, 1, 1, 1, 1, 1, 1, 1, -1e16])).toBe(8);
    const scales = [1e-5, 1e-2, 1, 1e3, 1e5];
    const xs = (n: number) => Array.from({ length: n }, (_, i) => ((((i * 7919) % 1000) - 500) / 7) * scales[i % 5]!);
    expect(numpySum(xs(5))).toBe(2551048.8835714282);
    expect(numpySum(xs(20))).toBe(3999703.4936714284);
    expect(numpySum(xs(150))).toBe(1433565.56403571);
    expect(numpySum(xs(300))).toBe(-4061368.1569285747);
  });

  it('sums the slice [start, start + n) alone', () => {
    const values = [1e16, 1, 1, 1, 1, 1, 1, 1, 1, -1e16];
    expect(numpySum([5, ...values, 5], 1, values.length)).toBe(8);
    expect(numpySum([5, 1, 2, 5], 1, 2)).toBe(3);
  });

  it('takes the mean as the pairwise sum over the count', () => {
    expect(numpyMean(xs(300, 1))).toBe(0.3333333333333333);
    expect(numpyMean([0.25, 0])).toBe(0.125);
  });
});
