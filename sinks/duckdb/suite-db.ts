/**
 * @module The suite database's life beside its run directories: checked before a helm-run uses it, a run's rows
 * withdrawn before the run is redone, and asked whether a run is in it. The run files are the truth; the database
 * never claims a run its files do not hold complete (a run's rows go in only after its run_spec.json).
 */
import { existsSync } from 'node:fs';
import { UserError } from '../../core/errors.ts';
import { openDatabase } from './open-database.ts';

const TABLES = ['request_states', 'per_instance_stats', 'stats', 'runs'] as const;

/** True for DuckDB's errors on a damaged file (cut short, garbled, not a database at all). */
export const isDamagedDatabase = (error: unknown): boolean =>
  /Corrupt database file|not a valid DuckDB database file|Could not read enough bytes|checksum|Serialization Error|INTERNAL Error/i.test(
    String(error),
  );

/** The UserError for a damaged suite database: what happened and how to rebuild it from the run files. */
export function damagedDatabaseError(dbPath: string, error: unknown): UserError {
  return new UserError(
    `The suite database ${dbPath} is damaged (${String(error).split('\n')[0]}). Nothing in the run directories is lost: ` +
      `move it aside (mv '${dbPath}' '${dbPath}.damaged') and run the same command with --skip-completed-runs, which ` +
      'loads every complete run into a new database from its own files (scenario_state.ndjson, per_instance_stats.ndjson, ' +
      'stats.ndjson) without sending a request, then does the runs that are missing.',
    { cause: error },
  );
}

/** Runs `work` on the open database at `dbPath`, turning DuckDB's damaged-file errors into `damagedDatabaseError`. */
async function withDatabase<T>(dbPath: string, work: (run: (sql: string, params?: Record<string, string>) => Promise<unknown[][]>) => Promise<T>): Promise<T> {
  try {
    const session = await openDatabase(dbPath);
    try {
      return await work(async (sql, params) => (await session.connection.run(sql, params)).getRows());
    } finally {
      session.close();
    }
  } catch (error) {
    throw isDamagedDatabase(error) ? damagedDatabaseError(dbPath, error) : error;
  }
}

/** The result tables present in the database. */
const tablesIn = async (run: (sql: string) => Promise<unknown[][]>): Promise<Set<string>> =>
  new Set((await run("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")).map((row) => String(row[0])));

/**
 * Checks, before any run, that an existing suite database opens, that its small `runs` table reads whole and that the
 * other tables' row counts read (their metadata, not their millions of rows: this runs at every helm-run start). A
 * DuckDB file checks every block it reads, so damage in blocks no query touches shows only later (loads turn it into
 * the same message). Missing: nothing to check.
 */
export async function checkSuiteDatabase(dbPath: string): Promise<void> {
  if (!existsSync(dbPath)) return;
  await withDatabase(dbPath, async (run) => {
    const tables = await tablesIn(run);
    for (const table of TABLES) {
      if (tables.has(table)) await run(table === 'runs' ? 'SELECT * FROM runs' : `SELECT count(*) FROM ${table}`);
    }
  });
}

/** Deletes every row of `runName` in one transaction (before the run is redone, so the database never holds a stale run). */
export async function withdrawRunRows(dbPath: string, runName: string): Promise<void> {
  if (!existsSync(dbPath)) return;
  await withDatabase(dbPath, async (run) => {
    const tables = await tablesIn(run);
    await run('BEGIN TRANSACTION');
    for (const table of TABLES) if (tables.has(table)) await run(`DELETE FROM ${table} WHERE run_name = $run_name`, { run_name: runName });
    await run('COMMIT');
    await run('CHECKPOINT');
  });
}

/** Whether the suite database has the `runs` row of `runName` (its mark of a complete run). */
export async function hasRunRow(dbPath: string, runName: string): Promise<boolean> {
  if (!existsSync(dbPath)) return false;
  return withDatabase(dbPath, async (run) => {
    if (!(await tablesIn(run)).has('runs')) return false;
    return (await run('SELECT 1 FROM runs WHERE run_name = $run_name', { run_name: runName })).length > 0;
  });
}
