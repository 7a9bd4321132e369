/**
 * @module A CSV file read whole as pandas' `read_csv(path)` reads it (C tokenizer, header line, dtypes, missing
 * markers): the tables of the entity-matching and data-imputation scenarios, which HELM joins and samples in memory.
 */
import { createReadStream } from 'node:fs';
import { UserError } from '../../core/errors.ts';
import { pandasTable, type PandasTable } from '../../core/pandas-csv.ts';
import { PandasCsvTokenizer, type PandasCsvRow } from '../../core/pandas-csv-tokenizer.ts';

/** The rows of CSV text as pandas' C tokenizer splits them (blank and whitespace-only lines skipped). */
export function pandasCsvRows(text: string, where: string): PandasCsvRow[] {
  const tokenizer = new PandasCsvTokenizer(where);
  return [...tokenizer.push(text), ...tokenizer.end()];
}

/** The rows of a UTF-8 CSV file as pandas' C tokenizer splits them, decoded strictly (pandas fails on bad UTF-8). */
async function readRows(path: string): Promise<PandasCsvRow[]> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const tokenizer = new PandasCsvTokenizer(path);
  const decode = (bytes?: Uint8Array): string => {
    try {
      return bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true });
    } catch (cause) {
      throw new UserError(`${path} is not valid UTF-8 text (${(cause as Error).message}).`, { cause });
    }
  };
  const rows: PandasCsvRow[] = [];
  for await (const chunk of createReadStream(path)) rows.push(...tokenizer.push(decode(chunk as Buffer)));
  rows.push(...tokenizer.push(decode()), ...tokenizer.end());
  return rows;
}

/**
 * `pd.read_csv(path)`: the first row names the columns. Held whole (HELM holds the DataFrame too).
 * @example const table = await readPandasCsv('benchmark_output/scenarios/entity_matching/data/Beer/tableA.csv');
 */
export async function readPandasCsv(path: string): Promise<PandasTable> {
  const [header, ...rows] = await readRows(path);
  if (header === undefined) throw new UserError(`${path}: no header line (pandas: "No columns to parse from file").`);
  return pandasTable(header.fields, rows.map((row) => row.fields), (i) => `${path}:${rows[i]!.line}`);
}

/** The index of a column, or a UserError naming the file and its columns (pandas' KeyError). */
export function columnIndex(table: PandasTable, name: string, where: string): number {
  const index = table.columns.indexOf(name);
  if (index < 0) throw new UserError(`${where}: no column '${name}' (its columns: ${table.columns.join(', ')}).`);
  return index;
}
