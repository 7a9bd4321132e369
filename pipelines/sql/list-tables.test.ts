import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTables, listTables } from './list-tables.ts';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await connection.run(`CREATE TABLE stats (run_name VARCHAR, mean DOUBLE);
    INSERT INTO stats SELECT 'r' || i, i / 10 FROM range(10) t(i);
    DELETE FROM stats WHERE mean < 0.3;
    CREATE VIEW good AS SELECT run_name FROM stats WHERE mean > 0.5;
    CREATE SCHEMA extra; CREATE TABLE extra."odd ""name""" (x INTEGER)`);
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

describe('listTables', () => {
  it('lists tables and views with their columns in order, and exact row counts of tables (deleted rows left out)', async () => {
    expect(await listTables(connection)).toEqual([
      { name: 'extra.odd "name"', kind: 'table', rows: 0, columns: [{ name: 'x', type: 'INTEGER' }] },
      { name: 'good', kind: 'view', rows: null, columns: [{ name: 'run_name', type: 'VARCHAR' }] },
      {
        name: 'stats',
        kind: 'table',
        rows: 7,
        columns: [
          { name: 'run_name', type: 'VARCHAR' },
          { name: 'mean', type: 'DOUBLE' },
        ],
      },
    ]);
  });
});

describe('formatTables', () => {
  it('prints a heading per table and its columns aligned', () => {
    const columns = [
      { name: 'run_name', type: 'VARCHAR' },
      { name: 'mean', type: 'DOUBLE' },
    ];
    expect(
      formatTables([
        { name: 'stats', kind: 'table', rows: 1, columns },
        { name: 'v', kind: 'view', rows: null, columns },
      ]),
    ).toBe('stats (table, 1 row)\n  run_name  VARCHAR\n  mean      DOUBLE\n\nv (view)\n  run_name  VARCHAR\n  mean      DOUBLE\n');
    expect(formatTables([])).toBe('(no tables or views)\n');
  });
});
