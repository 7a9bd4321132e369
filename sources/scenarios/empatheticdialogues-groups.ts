/**
 * @module The pandas steps of HELM's EmpatheticDialogues reader: `groupby` over several keys (sorted keys, rows
 * with a missing key dropped, each group's rows in file order) and the rendering of one conversation.
 */
import { UserError } from '../../core/errors.ts';
import type { PandasCell } from '../../core/pandas-csv.ts';
import { comparePyStrings } from '../../core/python-text.ts';

const isMissing = (cell: PandasCell): boolean => cell === null || (typeof cell === 'number' && Number.isNaN(cell));

/** pandas' order of two values of one column: missing last, numbers (and bools) by value, texts by code point. */
export function comparePandasKeys(x: PandasCell, y: PandasCell): number {
  if (isMissing(x) || isMissing(y)) return Number(isMissing(x)) - Number(isMissing(y));
  if (typeof x === 'string' && typeof y === 'string') return comparePyStrings(x, y);
  if (typeof x === 'string' || typeof y === 'string') throw new UserError(`cannot order ${JSON.stringify(x)} and ${JSON.stringify(y)} (text and a number in one column)`);
  return Number(x) - Number(y);
}

/** A key as pandas groups it: 1 and 1.0 together, texts by text. */
const keyId = (cell: PandasCell): string => (typeof cell === 'string' ? `s${cell}` : `n${Number(cell)}`);

/**
 * `df.groupby(keys)` iterated: one group per distinct key tuple with no missing part, in sorted key order (the
 * first key, then the next), each holding its rows in their original order.
 */
export function groupSorted<Row extends Readonly<Record<K, PandasCell>>, K extends string>(
  rows: readonly Row[],
  keys: readonly K[],
): { key: PandasCell[]; rows: Row[] }[] {
  const groups = new Map<string, { key: PandasCell[]; rows: Row[] }>();
  for (const row of rows) {
    const key = keys.map((k) => row[k]);
    if (key.some(isMissing)) continue;
    const id = key.map(keyId).join('\u0000');
    const group = groups.get(id);
    if (group === undefined) groups.set(id, { key, rows: [row] });
    else group.rows.push(row);
  }
  return [...groups.values()].sort((x, y) => {
    for (let i = 0; i < keys.length; i++) {
      const order = comparePandasKeys(x.key[i]!, y.key[i]!);
      if (order !== 0) return order;
    }
    return 0;
  });
}

/** One utterance row's cells that a conversation needs. */
interface Utterance {
  readonly speaker_idx: PandasCell;
  readonly utterance: PandasCell;
}

/**
 * HELM's reference text of one conversation (rows in utterance order): the first row's speaker is "Bob", the
 * second's "Jen" (so if both rows have one speaker, every line is Jen's), each line `"<name>: <utterance>\n"`.
 * A third speaker, or a missing utterance or speaker, fails in HELM; here it is a UserError.
 */
export function conversationText(rows: readonly Utterance[], where: string): string {
  const names = new Map<string, string>();
  const idOf = (row: Utterance): string => {
    if (isMissing(row.speaker_idx)) throw new UserError(`${where}: an utterance has no speaker_idx (HELM fails on it).`);
    return keyId(row.speaker_idx);
  };
  names.set(idOf(rows[0]!), 'Bob');
  names.set(idOf(rows[1]!), 'Jen');
  return rows
    .map((row) => {
      const name = names.get(idOf(row));
      if (name === undefined) throw new UserError(`${where}: a conversation has a third speaker (${String(row.speaker_idx)}); HELM knows only the first two.`);
      if (typeof row.utterance !== 'string') throw new UserError(`${where}: an utterance is missing (HELM fails on it).`);
      return `${name}: ${row.utterance}\n`; // the text was stripped when read (HELM strips it twice)
    })
    .join('');
}
