// Sorting of table rows by a column (pure): numbers numerically, text by locale, empty cells last in both directions.

/** The sort key of a cell value: a number, a string, or null for an empty cell. */
export function sortKey(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isNaN(value) ? null : value;
  const s = String(value).trim();
  if (s === '' || s === '-') return null;
  const n = Number(s);
  return Number.isNaN(n) ? s : n;
}

/**
 * Compares two cell values for an ascending (dir = 1) or descending (dir = -1) sort. Empty cells sort last either
 * way; numbers sort before text.
 */
export function compareValues(a, b, dir = 1) {
  const ka = sortKey(a);
  const kb = sortKey(b);
  if (ka === null || kb === null) return ka === kb ? 0 : ka === null ? 1 : -1;
  if (typeof ka === 'number' && typeof kb === 'number') return dir * (ka - kb);
  if (typeof ka === 'number') return -1;
  if (typeof kb === 'number') return 1;
  return dir * ka.localeCompare(kb);
}

/** Returns a sorted copy of `rows` by the value `valueOf(row)`, stable for equal keys. */
export function sortRows(rows, valueOf, dir = 1) {
  return rows
    .map((row, i) => ({ row, i, v: valueOf(row) }))
    .sort((x, y) => compareValues(x.v, y.v, dir) || x.i - y.i)
    .map((x) => x.row);
}
