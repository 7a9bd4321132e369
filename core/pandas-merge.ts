/**
 * @module The row order of pandas' inner `merge(left, right, left_on=…, right_on=…)` with `sort=False`, as pandas
 * before 2.2 (the HELM anchor's 1.5.3) gives it: rows grouped by key, the keys in order of their first appearance
 * on the left. pandas 2.2 changed it to the left rows' order ("merge now follows the documented sort behavior").
 */
import type { PandasCell } from './pandas-csv.ts';

/** A join key as pandas matches keys: numbers by value (1 matches 1.0), texts by text, a missing key with a missing one. */
function keyOf(cell: PandasCell): string {
  if (cell === null || (typeof cell === 'number' && Number.isNaN(cell))) return 'nan';
  if (typeof cell === 'number') return `n${cell === 0 ? 0 : cell}`;
  return typeof cell === 'boolean' ? `b${cell}` : `s${cell}`;
}

/**
 * The (left row, right row) pairs of an inner merge on these key columns, in pandas 1.5's order: keys in the order
 * they first appear on the left; for each key, each of its left rows (in order) paired with each of its right rows
 * (in order). Keys found on one side only give nothing.
 * @example pandasInnerMergeOrder([2, 1, 2], [1, 2]) // [[0, 1], [2, 1], [1, 0]]
 */
export function pandasInnerMergeOrder(left: readonly PandasCell[], right: readonly PandasCell[]): Array<readonly [number, number]> {
  const rightRows = new Map<string, number[]>();
  right.forEach((cell, i) => {
    const key = keyOf(cell);
    const rows = rightRows.get(key);
    if (rows === undefined) rightRows.set(key, [i]);
    else rows.push(i);
  });
  const leftRows = new Map<string, number[]>(); // insertion order = first appearance on the left
  left.forEach((cell, i) => {
    const key = keyOf(cell);
    const rows = leftRows.get(key);
    if (rows === undefined) leftRows.set(key, [i]);
    else rows.push(i);
  });
  const pairs: Array<readonly [number, number]> = [];
  for (const [key, lefts] of leftRows) {
    const rights = rightRows.get(key);
    if (rights === undefined) continue;
    for (const l of lefts) for (const r of rights) pairs.push([l, r]);
  }
  return pairs;
}
