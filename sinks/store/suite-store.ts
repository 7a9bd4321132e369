/**
 * @module The suite's `results.duckdb`: no data of its own, only views over the Parquet files of its runs
 * (`<suite>/<run>/store/…`, run-store.ts), so it is the same file for one run or thousands, written by any number of
 * processes at once, and opens in the DuckDB CLI or our `sql` command. A view shows a run only once its `runs.parquet`
 * is written (after its run_spec.json): never a run whose files are not complete. Each view also reads an empty
 * file of its table in `<suite>/.store-schema/` so that it binds before any run is complete.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { UserError } from '../../core/errors.ts';
import { openDatabase, sqlString } from '../duckdb/open-database.ts';
import { RUN_ROW_FILE, runStoreDir } from './run-store.ts';
import { emptyTableSelect, STORE_TABLES, type StoreTable } from './store-schema.ts';

/** The suite's database, in its directory. */
export const SUITE_DATABASE = 'results.duckdb';
const SCHEMA_DIR = '.store-schema';
// Bumped whenever a table's columns change: the empty schema files and the views are then made again.
const STORE_VERSION = 'helm-stream results store 2 (Parquet per run)';

/** Where each table's files are, relative to a run's (or the schema's) folder. */
const TABLE_FILES: Readonly<Record<StoreTable, string>> = {
  runs: `store/${RUN_ROW_FILE}`,
  stats: 'store/stats.parquet',
  request_states: 'store/request_states/*.parquet',
  per_instance_stats: 'store/per_instance_stats/*.parquet',
};
const emptyFileOf = (table: StoreTable): string => TABLE_FILES[table].replace('*', 'empty');

/** The view of `table` over every run of the suite in `suiteDir` (an absolute path). */
export function viewSql(suiteDir: string, table: StoreTable): string {
  const files = `read_parquet(${sqlString(join(suiteDir, '*', TABLE_FILES[table]))}, hive_partitioning = false, union_by_name = true)`;
  // A run's parts are in place a moment before its row: only complete runs show.
  const where = table === 'runs' ? '' : ' WHERE run_name IN (SELECT run_name FROM runs)';
  return `CREATE OR REPLACE VIEW ${table} AS SELECT * FROM ${files}${where}`;
}

/** Writes the empty file of each table (typed columns, no rows) under `<suite>/.store-schema/`. */
async function writeSchemaFiles(connection: DuckDBConnection, suiteDir: string): Promise<void> {
  const dir = join(suiteDir, SCHEMA_DIR);
  for (const table of STORE_TABLES) {
    const path = join(dir, emptyFileOf(table));
    await mkdir(join(path, '..'), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    await connection.run(`COPY (${emptyTableSelect(table)}) TO ${sqlString(tmp)} (FORMAT parquet)`);
    await rename(tmp, path);
  }
}

/** What `<suite>/.store-schema/VERSION` says once the schema files and the views are those of this version and folder. */
const markOf = (suiteDir: string): string => `${STORE_VERSION}: ${suiteDir}`;
const markFile = (suiteDir: string): string => join(suiteDir, SCHEMA_DIR, 'VERSION');
const isCurrent = async (suiteDir: string): Promise<boolean> =>
  (await readFile(markFile(suiteDir), 'utf8').catch(() => '')).split('\n')[0] === markOf(suiteDir);
/** The mark's second line: which results.duckdb file got the views (a file deleted and made again is another). */
function databaseIdentity(dbPath: string): string {
  if (!existsSync(dbPath)) return 'none';
  const stat = statSync(dbPath);
  return `inode ${stat.ino}, born ${stat.birthtimeMs}`;
}
const isMarkedDatabase = async (suiteDir: string, dbPath: string): Promise<boolean> =>
  (await readFile(markFile(suiteDir), 'utf8').catch(() => '')).split('\n')[1] === databaseIdentity(dbPath);

/** The views present in the database and their comments (each says which store version and folder it reads). */
async function viewsIn(connection: DuckDBConnection): Promise<Map<string, string>> {
  const rows = (await connection.runAndReadAll('SELECT view_name, comment FROM duckdb_views() WHERE NOT internal')).getRows();
  return new Map(rows.map(([name, comment]) => [String(name), String(comment)]));
}

/** Base tables with the store's names: a database of the earlier design, whose rows lived in the file itself. */
async function hasOldTables(connection: DuckDBConnection): Promise<boolean> {
  const rows = (await connection.runAndReadAll("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'")).getRows();
  return rows.some(([name]) => (STORE_TABLES as readonly string[]).includes(String(name)));
}

/**
 * Makes `<suiteDir>/results.duckdb` hold the current views over the suite's runs, creating the suite directory,
 * the schema files and the database when missing. A database of the earlier design (rows in tables) or one DuckDB
 * cannot read is moved aside (its content is in the runs' own files) with a note, and a new one made.
 */
export async function ensureSuiteStore(suiteDir: string, options: { trustMark?: boolean; lockTimeoutMs?: number } = {}): Promise<void> {
  const dir = resolve(suiteDir);
  const dbPath = join(dir, SUITE_DATABASE);
  // No open when the mark says all is current: a DuckDB shell may be holding the file.
  if (options.trustMark === true && existsSync(dbPath) && (await isCurrent(dir)) && (await isMarkedDatabase(dir, dbPath))) return;
  await mkdir(dir, { recursive: true });
  for (let attempt = 0; ; attempt++) {
    let setAside: string | undefined;
    try {
      const session = await openDatabase(dbPath, options.lockTimeoutMs === undefined ? {} : { lockTimeoutMs: options.lockTimeoutMs });
      try {
        const { connection } = session;
        if (!(await isCurrent(dir))) await writeSchemaFiles(connection, dir);
        if (await hasOldTables(connection)) {
          setAside = 'written by an earlier version, with the rows inside it';
        } else {
          const views = await viewsIn(connection);
          const mark = markOf(dir); // a suite folder moved elsewhere gets its views again
          for (const table of STORE_TABLES) {
            if (views.get(table) === mark) continue;
            await connection.run(viewSql(dir, table));
            await connection.run(`COMMENT ON VIEW ${table} IS ${sqlString(mark)}`);
          }
          await writeFile(markFile(dir), `${mark}\n${databaseIdentity(dbPath)}\n`);
          return;
        }
      } finally {
        session.close();
      }
    } catch (error) {
      if (error instanceof UserError || attempt > 0) throw error; // held by another process, or still failing
      setAside = `unreadable (${String(error).split('\n')[0]})`;
    }
    const aside = `${dbPath}.set-aside-${new Date().toISOString().replaceAll(':', '-')}`;
    await rename(dbPath, aside);
    await rm(`${dbPath}.wal`, { force: true });
    console.warn(`The suite database ${dbPath} was ${setAside}: moved to ${aside}. A new one is made; every run's results are in its own files.`);
  }
}

/** Withdraws a run from the suite's views (before it is redone): its row goes, so none of its files show. */
export const withdrawRun = (runDir: string): Promise<void> => rm(join(runStoreDir(runDir), RUN_ROW_FILE), { force: true });

/** Whether the run's store is complete (its `runs` row written). */
export const hasRunInStore = (runDir: string): boolean => existsSync(join(runStoreDir(runDir), RUN_ROW_FILE));
