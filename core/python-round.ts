/** @module Python's `round(x)` of a float to an int: to the nearest, a tie to the even neighbour (banker's rounding). */

/**
 * Python `round(x)` with no digits: the nearest integer, and at exactly .5 the even one (`round(2.5) == 2`,
 * `round(3.5) == 4`), where JS `Math.round` rounds ties up. Exact for every double (`x - floor(x)` is exact).
 * @example pyRound(0.1 * 25) // 2 (pandas' sample size for frac=0.1 of 25 rows)
 */
export function pyRound(x: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`cannot convert float ${x} to integer`);
  const floor = Math.floor(x);
  const fraction = x - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
