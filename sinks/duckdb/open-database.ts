/**
 * @module Opening a DuckDB file the way this project shares one: DuckDB lets one process hold a file (even a
 * reader locks out a writer, DESIGN §6), so an open that meets another process's lock waits with backoff.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { firstValueFrom, timer } from 'rxjs';
import { UserError } from '../../core/errors.ts';

/** How to open a DuckDB file. */
export interface OpenDatabaseOptions {
  /** Open read-only; the file must exist. */
  readonly readOnly?: boolean;
  /** How long to keep retrying while another process holds the file's lock (default 120 s). */
  readonly lockTimeoutMs?: number;
  /** The first wait between retries, doubled up to 2 s (default 50 ms). */
  readonly retryDelayMs?: number;
  /** DuckDB settings of the instance, e.g. `{ memory_limit: '1GB' }`. */
  readonly config?: Readonly<Record<string, string>>;
  /**
   * Rows per row group for what this session writes. DuckDB buffers whole row groups (122,880 rows by
   * default) per thread before writing them; with kilobytes of prompt per row that alone outgrows any
   * memory limit, so a writer of wide rows asks for smaller groups. The file is then ATTACHed to an
   * in-memory instance (the only way to set it), spilling to `<path>.tmp/`.
   */
  readonly rowGroupSize?: number;
}

/** An open database: one connection, whose default catalog is the file. */
export interface DatabaseSession {
  readonly connection: DuckDBConnection;
  /** Closes the connection and the instance, releasing the file's lock. */
  close(): void;
}

const MAX_RETRY_DELAY_MS = 2000;
/** A SQL string literal. */
export const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** True for DuckDB's error when another process holds the file's lock. */
export const isLockConflict = (error: unknown): boolean =>
  /Could not set lock on file|Conflicting lock is held/i.test(String(error));

/** One attempt to open `path`; closes what it opened when it fails. */
async function openOnce(path: string, options: OpenDatabaseOptions): Promise<DatabaseSession> {
  const config: Record<string, string> = { ...options.config };
  if (options.readOnly === true) config['access_mode'] = 'READ_ONLY';
  const isAttached = options.rowGroupSize !== undefined && options.readOnly !== true;
  if (isAttached) config['temp_directory'] ??= `${path}.tmp`; // not `.tmp` in the working directory
  const instance = await DuckDBInstance.create(isAttached ? ':memory:' : path, config);
  let connection: DuckDBConnection | undefined;
  try {
    connection = await instance.connect();
    if (isAttached) {
      await connection.run(`ATTACH ${sqlString(path)} AS results (ROW_GROUP_SIZE ${options.rowGroupSize})`);
      await connection.run('USE results');
    }
  } catch (error) {
    connection?.closeSync();
    instance.closeSync();
    throw error;
  }
  const open = connection;
  return {
    connection: open,
    close() {
      open.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * Opens the DuckDB database at `path` (creating it unless read-only), retrying with exponential backoff while
 * another process holds its lock, then failing with a UserError that names the holder.
 * @example const db = await openDatabase('results.duckdb', { readOnly: true }); try { … } finally { db.close(); }
 */
export async function openDatabase(path: string, options: OpenDatabaseOptions = {}): Promise<DatabaseSession> {
  const lockTimeoutMs = options.lockTimeoutMs ?? 120_000;
  const started = Date.now();
  let delayMs = options.retryDelayMs ?? 50;
  for (;;) {
    try {
      return await openOnce(path, options);
    } catch (error) {
      if (!isLockConflict(error)) throw error;
      const waitedMs = Date.now() - started;
      if (waitedMs + delayMs > lockTimeoutMs) {
        throw new UserError(
          `The DuckDB file ${path} is held by another process (waited ${waitedMs} ms): ${String(error)}. ` +
            'DuckDB allows one process per file: close the other program (a DuckDB shell, a `sql` command, ' +
            'a run loading its results) and try again.',
          { cause: error },
        );
      }
      await firstValueFrom(timer(delayMs));
      delayMs = Math.min(delayMs * 2, MAX_RETRY_DELAY_MS);
    }
  }
}
