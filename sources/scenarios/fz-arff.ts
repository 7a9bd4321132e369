/**
 * @module The Fodors-Zagats restaurants (`fz.arff`) as HELM's EntityDataImputationScenario reads them by hand:
 * `@attribute <name> …` lines name the columns, the non-blank lines after `@data` are CSV rows (pandas,
 * no header), the `class` column is dropped, every cell loses its `"` characters and surrounding whitespace,
 * and rows with a missing cell are dropped.
 */
import { UserError } from '../../core/errors.ts';
import { pandasColumn, type PandasTable } from '../../core/pandas-csv.ts';
import { pySplit, pyStrip } from '../../core/python-text.ts';
import { readLines } from '../line-reader.ts';
import { pandasCsvRows } from './pandas-csv-file.ts';

/** The columns and the data lines (stripped) of an arff file, read line by line as HELM's loop does. */
async function arffLines(path: string): Promise<{ columns: string[]; data: string[] }> {
  const columns: string[] = [];
  const data: string[] = [];
  let isInData = false;
  for await (const { text, line } of readLines(path)) {
    if (pyStrip(text).length === 0) continue;
    if (isInData) data.push(pyStrip(text)); // before the "@" checks: an "@" line after @data is data too
    if (!text.startsWith('@')) continue;
    if (text.startsWith('@attribute')) {
      const words = pySplit(text);
      if (words.length < 3) throw new UserError(`${path}:${line}: expected "@attribute <name> <type>", got ${JSON.stringify(text)}.`);
      columns.push(words[1]!);
    }
    if (text.startsWith('@data')) isInData = true;
  }
  return { columns, data };
}

/**
 * The restaurants table: `read_csv(StringIO("\n".join(data)), header=None, names=columns)`, `del table["class"]`,
 * each column `.str.replace('"', "").str.strip()` (so each must be text: pandas' `.str` fails otherwise), then
 * `dropna()`.
 */
export async function readFzArff(path: string): Promise<PandasTable> {
  const { columns, data } = await arffLines(path);
  if (new Set(columns).size !== columns.length) throw new UserError(`${path}: repeated @attribute names (pandas: "Duplicate names are not allowed").`);
  const rows = pandasCsvRows(data.join('\n'), `${path} (its @data lines)`);
  for (const { fields, line } of rows) {
    if (fields.length > columns.length) throw new UserError(`${path}: data row ${line} has ${fields.length} fields for ${columns.length} attributes.`);
  }
  const classIndex = columns.indexOf('class');
  if (classIndex < 0) throw new UserError(`${path}: no 'class' attribute (HELM deletes that column; its columns: ${columns.join(', ')}).`);
  const kept = columns.flatMap((name, index) => (index === classIndex ? [] : [{ name, index }]));
  const cleaned = kept.map(({ name, index }) => {
    const column = pandasColumn(rows.map(({ fields }) => fields[index]));
    if (column.dtype !== 'object') {
      throw new UserError(`${path}: the column '${name}' reads as ${column.dtype}, not text, so HELM's .str.replace fails on it.`);
    }
    return column.cells.map((cell) => (cell === null ? null : pyStrip((cell as string).replaceAll('"', ''))));
  });
  const complete = rows.map((_, r) => cleaned.map((cells) => cells[r]!)).filter((row) => row.every((cell) => cell !== null));
  return { columns: kept.map(({ name }) => name), dtypes: kept.map(() => 'object' as const), rows: complete };
}
