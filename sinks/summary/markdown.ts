/**
 * @module A leaderboard table as GitHub-flavoured Markdown (beyond HELM, which writes only JSON and LaTeX), and the
 * pivot that turns a table's SQL result (long form, one row per cell) into that table.
 */
import { from, table as columnTable } from 'arquero';
import type { Cell, HeaderCell, Table } from './table.ts';

/** One cell of a table in long form, as a table's SQL returns it: row label, column name, value, bold or not. */
export interface TableCellRow {
  readonly row_label: string;
  readonly column: string;
  readonly value: number | string | null;
  readonly bold?: boolean | null;
}

/** Options of `cellsToTable`. */
export interface CellsToTableOptions {
  /** The table's title (default ''). */
  readonly title?: string;
  /** The header of the row-label column (default 'Model', as HELM's group tables). */
  readonly rowHeader?: string;
}

const BOLD = { 'font-weight': 'bold' } as const;

/**
 * Pivots long-form cells into a `Table`: one row per `row_label` and one column per `column`, both in order of first
 * appearance; a missing cell is null. A bold cell gets HELM's `style: {'font-weight': 'bold'}`.
 * @example tableToMarkdown(cellsToTable(await reader.getRowObjectsJS() as TableCellRow[]))
 */
export function cellsToTable(rows: readonly TableCellRow[], options: CellsToTableOptions = {}): Table {
  const rowHeader = options.rowHeader ?? 'Model';
  const columns = [...new Set(rows.map((row) => row.column))];
  // The group key must not collide with a pivoted column name.
  let key = '__row_label';
  while (columns.includes(key)) key = `_${key}`;
  const long = from(
    rows.map((row) => ({ [key]: row.row_label, column: row.column, value: row.value, bold: row.bold })),
  );
  // arquero's pivot keeps groups and keys in order of first appearance with `sort: false`; it needs a non-empty table.
  const wide = (values: 'value' | 'bold'): Record<string, unknown>[] =>
    rows.length === 0
      ? []
      : (long.groupby(key).pivot('column', values, { sort: false }).objects() as Record<string, unknown>[]);
  const values = wide('value');
  const bolds = wide('bold');
  const header: HeaderCell[] = [rowHeader, ...columns].map((value) => ({ value, markdown: false, metadata: {} }));
  const body = values.map((row, r) => [
    { value: String(row[key]), markdown: false },
    ...columns.map((column): Cell => {
      const value = (row[column] ?? null) as TableCellRow['value'];
      return bolds[r]?.[column] === true ? { value, style: BOLD, markdown: false } : { value, markdown: false };
    }),
  ]);
  return { title: options.title ?? '', header, rows: body, links: [] };
}

/** `text` fit for one line of a Markdown table cell (`|` is escaped by arquero's writer). */
const oneLine = (text: string): string => text.replace(/\r?\n/g, '<br>');

/** A number as HELM's leaderboard shows it (helm-frontend RowValue.tsx: rounded to 3 decimals, shortest text). */
const formatNumber = (x: number): string => String(Math.round(x * 1000) / 1000);

/** Unique column names for arquero: a repeated header text gets " (2)", " (3)", … */
function uniqueNames(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  return texts.map((text) => {
    let name = text;
    for (let n = 2; seen.has(name); n++) name = `${text} (${n})`;
    seen.add(name);
    return name;
  });
}

/**
 * Renders `table` as a GitHub-flavoured Markdown table ending in a newline: the header row, then one line per row.
 * Columns without any value are left out, as in HELM's LaTeX. Columns holding numbers are right-aligned, the others
 * left-aligned. A cell shows its `display_value` when it has one, else its value: numbers rounded to 3 decimals as
 * HELM's web page shows them (0.5, 21.75, 0.023), null empty; text of bold cells (`style['font-weight'] === 'bold'`)
 * is wrapped in `**`; `|` is escaped, newlines become `<br>`.
 * @example tableToMarkdown(table) // '|Model|EM|\n|:-|-:|\n|Oracle legacy B|**0.625**|\n'
 */
export function tableToMarkdown(table: Table): string {
  // As HELM's LaTeX: a column without any value is left out (the row-label column stays).
  const shown = table.header
    .map((_, i) => i)
    .filter((i) => i === 0 || table.rows.length === 0 || table.rows.some((row) => row[i]?.value != null));
  const names = uniqueNames(shown.map((i) => oneLine(String(table.header[i]?.value ?? ''))));
  const data: Record<string, string[]> = {};
  const align: Record<string, 'l' | 'r'> = {};
  names.forEach((name, n) => {
    const cells = table.rows.map((row) => row[shown[n] as number]);
    align[name] = cells.some((cell) => typeof cell?.value === 'number') ? 'r' : 'l';
    data[name] = cells.map((cell) => {
      if (cell === undefined) return '';
      const value = cell.value;
      const text = cell.display_value
        ? cell.display_value
        : value == null
          ? ''
          : typeof value === 'number'
            ? formatNumber(value)
            : value;
      return cell.style?.['font-weight'] === 'bold' && text !== '' ? `**${oneLine(text)}**` : oneLine(text);
    });
  });
  return columnTable(data, names).toMarkdown({ columns: names, align });
}
