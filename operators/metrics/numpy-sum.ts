/** @module NumPy's float64 sum and mean (`np.sum`, `np.add.reduce`, `ndarray.mean`), in NumPy's order of additions. */

/**
 * NumPy's pairwise summation of a contiguous float64 vector (`pairwise_sum_DOUBLE`): under 8 values a plain loop,
 * up to 128 eight interleaved accumulators, above that two halves split at a multiple of 8. Its rounding differs
 * from a left-to-right sum, and HELM's floats depend on it.
 * @example numpySum([1e16, 1, 1, 1, 1, 1, 1, 1, 1, -1e16]) // 8 (a left-to-right sum gives 0)
 */
export function numpySum(xs: readonly number[], start = 0, n = xs.length): number {
  if (n < 8) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += xs[start + i]!;
    return sum;
  }
  if (n <= 128) {
    const r = xs.slice(start, start + 8);
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j]! += xs[start + i + j]!;
    let sum = r[0]! + r[1]! + (r[2]! + r[3]!) + (r[4]! + r[5]! + (r[6]! + r[7]!));
    for (; i < n; i++) sum += xs[start + i]!;
    return sum;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return numpySum(xs, start, half) + numpySum(xs, start + half, n - half);
}

/** `np.array(xs).mean()`: the pairwise sum (added to NumPy's identity 0.0) divided by the count. */
export const numpyMean = (xs: readonly number[]): number => (0 + numpySum(xs)) / xs.length;
