/**
 * @module HELM's balancing of the entity-matching train pairs (`read_blocked_pairs`, train only):
 * `merged.groupby("label", group_keys=False).apply(lambda x: x.sample(num_pos))` on NumPy's global generator.
 */
import { UserError } from '../../core/errors.ts';
import type { PandasCell } from '../../core/pandas-csv.ts';
import { comparePyStrings } from '../../core/python-text.ts';
import type { NumpyRandomState } from '../../core/rng/numpy-random-state.ts';

/** pandas' sorted order of group keys (numbers and bools by value, texts by code point). */
function compareKeys(x: PandasCell, y: PandasCell): number {
  if (typeof x === 'string' && typeof y === 'string') return comparePyStrings(x, y);
  if (typeof x === 'string' || typeof y === 'string') throw new TypeError('mixed text and number labels');
  return Number(x) - Number(y);
}

/**
 * The train pairs HELM keeps: as many of each label as there are positives (`label == 1`), group by group in
 * sorted label order (missing labels dropped, as `groupby` does), each group's rows in the order of
 * `sample(num_pos)` = `choice(len(group), num_pos, replace=False)` = `permutation(len(group))[:num_pos]`, which
 * draws a whole permutation of every group (the positives too) from `rng`. HELM asserts fewer positives than
 * negatives; so do we, as a UserError.
 */
export function downsampleTrainPairs<T>(rows: readonly T[], labelOf: (row: T) => PandasCell, rng: NumpyRandomState, where: string): T[] {
  const labels = rows.map(labelOf);
  const numPositive = labels.filter((label) => label === 1 || label === true).length;
  const numNegative = labels.filter((label) => label === 0 || label === false).length;
  if (!(numPositive < numNegative)) {
    throw new UserError(`${where}: HELM balances train by sampling ${numPositive} of the negatives, so it needs fewer positives than negatives (it has ${numPositive} and ${numNegative}).`);
  }
  const groups = new Map<string, { key: PandasCell; rows: T[] }>();
  rows.forEach((row, i) => {
    const key = labels[i]!;
    if (key === null || (typeof key === 'number' && Number.isNaN(key))) return;
    const id = typeof key === 'string' ? `s${key}` : `n${Number(key)}`;
    const group = groups.get(id);
    if (group === undefined) groups.set(id, { key, rows: [row] });
    else group.rows.push(row);
  });
  let sorted: { key: PandasCell; rows: T[] }[];
  try {
    sorted = [...groups.values()].sort((x, y) => compareKeys(x.key, y.key));
  } catch (cause) {
    throw new UserError(`${where}: the labels mix text and numbers, which pandas cannot sort.`, { cause });
  }
  return sorted.flatMap(({ key, rows: group }) => {
    if (group.length < numPositive) {
      throw new UserError(`${where}: only ${group.length} pairs have label ${String(key)}, fewer than the ${numPositive} HELM samples from each label.`);
    }
    return rng.choice(group.length, numPositive).map((i) => group[i]!);
  });
}
