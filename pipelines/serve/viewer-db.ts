/**
 * @module The viewer's DuckDB: one instance in memory that reads the runs' Parquet files (never a suite's
 * results.duckdb, whose lock would shut out a running helm-run), with bounded memory spilling to a temporary folder.
 * Every value from a request is a bound parameter; the SQL text holds only constants of the server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';

/** A row as plain JSON values: BIGINT as a number, nested values as arrays and objects. */
export type Row = Record<string, unknown>;
export type Params = Record<string, DuckDBValue>;

export interface ViewerDb {
  /** The rows of one statement, its `$name` parameters bound from `params`. */
  rows(sql: string, params?: Params): Promise<Row[]>;
  /** Runs statements in order on one connection (for CREATE TABLE … AS). */
  run(sql: string, params?: Params): Promise<void>;
  close(): void;
}

/** BIGINTs (and the bigints inside lists and structs) as numbers; the rest as the client gives them. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object' && value.constructor === Object) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
  }
  return value;
}

/** Opens the viewer's database: `threads` DuckDB threads, at most `memoryLimit` (256MB) before spilling. */
export async function openViewerDb(options: { threads?: number; memoryLimit?: string } = {}): Promise<ViewerDb> {
  const spill = mkdtempSync(join(tmpdir(), 'helm-server-'));
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(options.threads ?? 2),
    memory_limit: options.memoryLimit ?? '256MB',
    temp_directory: spill,
  });
  // DuckDB keeps the blocks and footers of every file it read (1.3's external file cache, the Parquet metadata
  // cache): paging through a million instances touches two thousand part files, so both would grow with every page.
  const setup = await instance.connect();
  await setup.run('SET enable_external_file_cache = false; LOAD parquet; SET parquet_metadata_cache = false');
  setup.closeSync();
  const connections: DuckDBConnection[] = [];
  // A small pool: DuckDB runs a connection's statements one at a time; a page and a search run side by side.
  const take = async (): Promise<DuckDBConnection> => connections.pop() ?? instance.connect();
  const give = (connection: DuckDBConnection): void => {
    if (connections.length < 4) connections.push(connection);
    else connection.closeSync();
  };
  return {
    async rows(sql, params = {}) {
      const connection = await take();
      try {
        const reader = await connection.runAndReadAll(sql, params);
        return reader.getRowObjectsJS().map((row) => plain(row) as Row);
      } finally {
        give(connection);
      }
    },
    async run(sql, params = {}) {
      const connection = await take();
      try {
        await connection.run(sql, params);
      } finally {
        give(connection);
      }
    },
    close() {
      for (const connection of connections.splice(0)) connection.closeSync();
      instance.closeSync();
      rmSync(spill, { recursive: true, force: true });
    },
  };
}
