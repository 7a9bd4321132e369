/** @module Python's `csv.writer` with the default dialect (excel): what HELM's scenarios write as their caches. */

const NEEDS_QUOTES = /[",\r\n]/u;

/**
 * One row as `csv.writer(f).writerow(fields)` writes it: QUOTE_MINIMAL (a field holding `,`, `"`, `\r` or `\n` is
 * quoted, with `""` for a quote), `\r\n` at the end, and a row of one empty field written `""` (so it reads back
 * as a row, not a blank line).
 * @example pythonCsvRow(['a,b', 'c']) // '"a,b",c\r\n'
 */
export function pythonCsvRow(fields: readonly string[]): string {
  if (fields.length === 1 && fields[0] === '') return '""\r\n';
  return fields.map((field) => (NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field)).join(',') + '\r\n';
}
