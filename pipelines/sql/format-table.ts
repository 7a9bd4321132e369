/** @module The aligned, psql-like table `helm-sql` prints for a result. */
import type { Json } from '@duckdb/node-api';

/** One value as a table cell: NULL, numbers as is, text with control characters made visible. */
function cellText(value: Json): string {
  if (value === null) return 'NULL';
  if (typeof value === 'string') return value.replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * A psql-like aligned table: numbers right-aligned, text left-aligned, then the row count.
 * @example formatTable(['a'], [[1]]) // "a\n-\n1\n(1 row)\n"
 */
export function formatTable(columns: readonly string[], rows: readonly (readonly Json[])[]): string {
  const cells = rows.map((row) => row.map(cellText));
  const widths = columns.map((name, i) => Math.max(name.length, ...cells.map((row) => row[i]!.length)));
  const isNumeric = columns.map(
    (_, i) => rows.some((row) => typeof row[i] === 'number') && rows.every((row) => row[i] === null || typeof row[i] === 'number'),
  );
  const line = (values: readonly string[], alignNumbers: boolean): string =>
    values
      .map((v, i) => (alignNumbers && isNumeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join(' | ')
      .trimEnd();
  const out = [line(columns, false), widths.map((w) => '-'.repeat(w)).join('-+-'), ...cells.map((r) => line(r, true))];
  out.push(`(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})`);
  return `${out.join('\n')}\n`;
}
