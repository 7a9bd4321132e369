/**
 * @module A CSV file read whole as pandas' `read_csv(path)` reads it (header line, dtypes, missing markers): the
 * tables of the entity-matching and data-imputation scenarios, which HELM joins and samples in memory.
 */
import { UserError } from '../../core/errors.ts';
import { pandasTable, type PandasTable } from '../../core/pandas-csv.ts';
import { readCsvRows } from '../csv.ts';

/**
 * `pd.read_csv(path)`: the first non-blank row names the columns. Held whole (HELM holds the DataFrame too).
 * @example const table = await readPandasCsv('benchmark_output/scenarios/entity_matching/data/Beer/tableA.csv');
 */
export async function readPandasCsv(path: string): Promise<PandasTable> {
  let header: readonly string[] | undefined;
  const rows: (readonly string[])[] = [];
  const lines: number[] = [];
  for await (const { fields, line } of readCsvRows(path)) {
    if (header === undefined) {
      if (fields.length > 0) header = fields;
      continue;
    }
    rows.push(fields);
    lines.push(line);
  }
  if (header === undefined) throw new UserError(`${path}: no header line (pandas: "No columns to parse from file").`);
  return pandasTable(header, rows, (i) => `${path}:${lines[i]}`);
}

/** The index of a column, or a UserError naming the file and its columns (pandas' KeyError). */
export function columnIndex(table: PandasTable, name: string, where: string): number {
  const index = table.columns.indexOf(name);
  if (index < 0) throw new UserError(`${where}: no column '${name}' (its columns: ${table.columns.join(', ')}).`);
  return index;
}
