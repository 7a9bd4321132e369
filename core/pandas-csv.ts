/**
 * @module What pandas' `read_csv` (1.5, the HELM anchor's) makes of text cells, and how Python prints them back:
 * missing-value markers, each column's dtype (int64, float64, bool or object), and `f"{value}"` of a cell as
 * `DataFrame.iterrows()` hands it out (a row of ints and floats only is one float Series, so its ints print `2.0`).
 */
import { UserError } from './errors.ts';
import { pythonFloatRepr } from './helm-json.ts';

/** A cell as pandas holds it: text, a number, a bool, or missing (`null`: NaN, or None in a short row). */
export type PandasCell = string | number | boolean | null;

/** The dtypes `read_csv` infers. */
export type PandasDtype = 'int64' | 'float64' | 'bool' | 'object';

/** A table read as pandas reads it: column names, their dtypes, and the rows' cells. */
export interface PandasTable {
  readonly columns: readonly string[];
  readonly dtypes: readonly PandasDtype[];
  readonly rows: readonly (readonly PandasCell[])[];
}

/**
 * pandas 1.5's default `na_values` (`STR_NA_VALUES`): a cell equal to one of these is missing. pandas 2.0 added
 * "None"; the anchor's 1.5.3 reads "None" as text, and so do we.
 */
export const PANDAS_NA_STRINGS: ReadonlySet<string> = new Set([
  '', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN', '<NA>', 'N/A', 'NA', 'NULL',
  'NaN', 'n/a', 'nan', 'null',
]);

// The C parser's number syntax: ASCII spaces around, a sign, decimal digits; no "_", no hex, no "," separators.
const INT_TEXT = /^[ \t\n\v\f\r]*[+-]?\d+[ \t\n\v\f\r]*$/;
const FLOAT_TEXT = /^[ \t\n\v\f\r]*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[ \t\n\v\f\r]*$/;
const INFINITY_TEXT = /^[ \t\n\v\f\r]*([+-]?)(?:inf|infinity)[ \t\n\v\f\r]*$/i;
const TRUE_TEXT = new Set(['True', 'TRUE', 'true']);
const FALSE_TEXT = new Set(['False', 'FALSE', 'false']);
const INT64_LIMIT = 2n ** 63n;

function parseFloatText(text: string): number | undefined {
  if (FLOAT_TEXT.test(text)) return Number(text.trim());
  const infinity = INFINITY_TEXT.exec(text);
  return infinity === null ? undefined : infinity[1] === '-' ? -Infinity : Infinity;
}

const isInt64Text = (text: string): boolean => {
  if (!INT_TEXT.test(text)) return false;
  const value = BigInt(text.trim());
  return value >= -INT64_LIMIT && value < INT64_LIMIT;
};

/**
 * One column's cells and dtype from its texts (`undefined`: the row was too short). Missing markers are NaN; a
 * column whose other cells are all integers is int64 (none missing), all numbers float64, all `True`/`False`
 * words bool (none missing); anything else keeps its texts (object).
 * @example pandasColumn(['1', '', '2.5']) // { dtype: 'float64', cells: [1, null, 2.5] }
 */
export function pandasColumn(texts: readonly (string | undefined)[]): { dtype: PandasDtype; cells: PandasCell[] } {
  const isMissing = texts.map((text) => text === undefined || PANDAS_NA_STRINGS.has(text));
  const present = texts.filter((_, i) => !isMissing[i]) as string[];
  const hasMissing = present.length < texts.length;
  if (present.length === 0) return { dtype: 'float64', cells: texts.map(() => null) };
  if (!hasMissing && present.every(isInt64Text)) return { dtype: 'int64', cells: texts.map((text) => Number(text!.trim()) + 0) }; // + 0: an int has no -0
  const numbers = present.map(parseFloatText);
  if (numbers.every((n) => n !== undefined)) {
    let next = 0;
    return { dtype: 'float64', cells: isMissing.map((missing) => (missing ? null : numbers[next++]!)) };
  }
  if (!hasMissing && present.every((text) => TRUE_TEXT.has(text) || FALSE_TEXT.has(text))) {
    return { dtype: 'bool', cells: present.map((text) => TRUE_TEXT.has(text)) };
  }
  return { dtype: 'object', cells: texts.map((text, i) => (isMissing[i] ? null : text!)) };
}

/**
 * A table from its header and rows of texts, as `read_csv` with a header line gives it: blank rows skipped, a
 * short row padded with missing cells, a repeated column name renamed `name.1`, `name.2` (pandas' mangling).
 * A row longer than the header is an error pandas raises too; `where(i)` names the row for the message.
 */
export function pandasTable(header: readonly string[], rows: readonly (readonly string[])[], where: (row: number) => string): PandasTable {
  const seen = new Map<string, number>();
  const columns = header.map((name) => {
    const count = seen.get(name) ?? 0;
    seen.set(name, count + 1);
    return count === 0 ? name : `${name}.${count}`;
  });
  const kept: (readonly string[])[] = [];
  rows.forEach((row, i) => {
    if (row.length === 0) return; // skip_blank_lines
    if (row.length > columns.length) {
      throw new UserError(`${where(i)}: expected ${columns.length} fields, saw ${row.length} (pandas: "Error tokenizing data").`);
    }
    kept.push(row);
  });
  const parsed = columns.map((_, c) => pandasColumn(kept.map((row) => row[c])));
  return {
    columns,
    dtypes: parsed.map((column) => column.dtype),
    rows: kept.map((_, r) => parsed.map((column) => column.cells[r]!)),
  };
}

/**
 * The dtype of a row Series that `iterrows()` gives for a frame with these column dtypes: int64 when all are,
 * float64 when all are numbers, bool when all are, else object (each cell keeps its own type).
 */
export function pandasRowDtype(dtypes: readonly PandasDtype[]): PandasDtype {
  if (dtypes.every((d) => d === 'int64')) return 'int64';
  if (dtypes.every((d) => d === 'int64' || d === 'float64')) return 'float64';
  if (dtypes.every((d) => d === 'bool')) return 'bool';
  return 'object';
}

/**
 * Python `f"{value}"` of a cell from a row of `rowDtype`, the cell's column being `dtype`: missing is `nan`, a
 * float is its repr (`1599.0`, `1e-05`, `inf`), an int is its digits unless the row is float64 (`2.0`).
 */
export function pandasCellText(cell: PandasCell, dtype: PandasDtype, rowDtype: PandasDtype): string {
  if (cell === null) return 'nan';
  if (typeof cell === 'boolean') return cell ? 'True' : 'False';
  if (typeof cell === 'string') return cell;
  if (dtype === 'int64' && rowDtype !== 'float64') return String(cell);
  if (Number.isNaN(cell)) return 'nan';
  if (cell === Infinity) return 'inf';
  if (cell === -Infinity) return '-inf';
  return pythonFloatRepr(cell);
}
