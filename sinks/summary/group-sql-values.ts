/** @module Inline data for a table's SQL: a typed `name(columns) AS (VALUES …)` CTE a reader sees whole and DuckDB reruns as is. */
import { pythonFloatRepr } from '../../core/helm-json.ts';
import { sqlString } from '../duckdb/open-database.ts';

/** A SQL literal: strings quoted, numbers as written, booleans, NULL for null/undefined. */
export function sqlLiteral(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return sqlString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return Number.isInteger(value) ? String(value) : pythonFloatRepr(value);
}

/** One column of a VALUES CTE: its name and DuckDB type. */
export type ValuesColumn = readonly [name: string, type: string];

/**
 * A CTE holding `rows` as literal VALUES, each column cast to its type (so a column of NULLs has one); with no rows,
 * an empty SELECT of the same columns. One row per line, so a long list reads as a list.
 * @example valuesCte('table_rows', [['row_index', 'INTEGER'], ['model', 'VARCHAR']], [[1, 'openai/gpt2']])
 */
export function valuesCte(
  name: string,
  columns: readonly ValuesColumn[],
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
): string {
  const casts = columns.map(([column, type]) => `${column}::${type} AS ${column}`).join(', ');
  if (rows.length === 0) return `${name} AS (SELECT ${columns.map(([column, type]) => `NULL::${type} AS ${column}`).join(', ')} WHERE false)`;
  const lines = rows.map((row) => `    (${row.map(sqlLiteral).join(', ')})`).join(',\n');
  const names = columns.map(([column]) => column).join(', ');
  return `${name} AS (SELECT ${casts} FROM (VALUES\n${lines}\n  ) AS v(${names}))`;
}
