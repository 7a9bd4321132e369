/** @module `helm-sql --tables`: each table and view of a database, with its columns, their types, and row counts. */
import type { DuckDBConnection } from '@duckdb/node-api';

/** One table or view as `--tables` shows it. */
export interface TableInfo {
  /** `table`, or `schema.table` outside the main schema, or `database.schema.table` outside the file. */
  readonly name: string;
  readonly kind: 'table' | 'view';
  /** Exact row count of a table (DuckDB counts without reading columns); null for a view, which may be costly. */
  readonly rows: number | null;
  readonly columns: readonly { readonly name: string; readonly type: string }[];
}

const quoteName = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** A string cell of a row read with `getRowObjectsJson`. */
const text = (value: unknown): string => String(value);

/**
 * The tables and views of the database (DuckDB's own catalogs left out), by name.
 * @example for (const table of await listTables(session.connection)) console.log(table.name, table.rows);
 */
export async function listTables(connection: DuckDBConnection): Promise<TableInfo[]> {
  const relations = await (
    await connection.runAndReadAll(`
      SELECT *, database_name = current_database() AS is_current FROM (
        SELECT database_name, schema_name, table_name AS name, 'table' AS kind FROM duckdb_tables() WHERE NOT internal
        UNION ALL
        SELECT database_name, schema_name, view_name, 'view' FROM duckdb_views() WHERE NOT internal
      ) ORDER BY NOT is_current, database_name, schema_name, name`)
  ).getRowObjectsJson();
  const columns = await (
    await connection.runAndReadAll(`
      SELECT database_name, schema_name, table_name, column_name, data_type
        FROM duckdb_columns() WHERE NOT internal ORDER BY column_index`)
  ).getRowObjectsJson();
  const tables: TableInfo[] = [];
  for (const relation of relations) {
    const [database, schema, name] = [text(relation['database_name']), text(relation['schema_name']), text(relation['name'])];
    const path = [database, schema, name];
    const isMain = relation['is_current'] === true && schema === 'main';
    const shownName = isMain ? name : relation['is_current'] === true ? `${schema}.${name}` : path.join('.');
    const kind = relation['kind'] === 'view' ? 'view' : 'table';
    const rows =
      kind === 'view'
        ? null
        : Number((await connection.runAndReadAll(`SELECT count(*) FROM ${path.map(quoteName).join('.')}`)).getRows()[0]![0]);
    const own = columns.filter(
      (c) => text(c['database_name']) === database && text(c['schema_name']) === schema && text(c['table_name']) === name,
    );
    const ownColumns = own.map((c) => ({ name: text(c['column_name']), type: text(c['data_type']) }));
    tables.push({ name: shownName, kind, rows, columns: ownColumns });
  }
  return tables;
}

/**
 * The listing for a terminal: per table a heading with its kind and row count, then its columns and types.
 * @example formatTables([{ name: 'runs', kind: 'table', rows: 3, columns: [{ name: 'suite', type: 'VARCHAR' }] }])
 * // "runs (table, 3 rows)\n  suite  VARCHAR\n"
 */
export function formatTables(tables: readonly TableInfo[]): string {
  if (tables.length === 0) return '(no tables or views)\n';
  const blocks = tables.map((table) => {
    const size = table.rows === null ? '' : `, ${table.rows} ${table.rows === 1 ? 'row' : 'rows'}`;
    const width = Math.max(...table.columns.map((c) => c.name.length));
    const lines = table.columns.map((c) => `  ${c.name.padEnd(width)}  ${c.type}`);
    return [`${table.name} (${table.kind}${size})`, ...lines].join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}
