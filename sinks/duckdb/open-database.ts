/**
 * @module Opening a DuckDB file the way this project shares one: DuckDB lets one process hold a file (even a
 * reader locks out a writer, DESIGN §6), so an open that meets another process's lock waits with backoff.
 */
import { DuckDBInstance } from '@duckdb/node-api';
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
  /** Further DuckDB settings, e.g. `{ memory_limit: '1GB' }`. */
  readonly config?: Readonly<Record<string, string>>;
}

const MAX_RETRY_DELAY_MS = 2000;

/** True for DuckDB's error when another process holds the file's lock. */
export const isLockConflict = (error: unknown): boolean =>
  /Could not set lock on file|Conflicting lock is held/i.test(String(error));

/**
 * Opens the DuckDB database at `path` (creating it unless read-only), retrying with exponential backoff while
 * another process holds its lock, then failing with a UserError that names the holder.
 * @example const db = await openDatabase('results.duckdb', { readOnly: true }); try { … } finally { db.closeSync(); }
 */
export async function openDatabase(path: string, options: OpenDatabaseOptions = {}): Promise<DuckDBInstance> {
  const lockTimeoutMs = options.lockTimeoutMs ?? 120_000;
  const config: Record<string, string> = {
    ...options.config,
    ...(options.readOnly === true ? { access_mode: 'READ_ONLY' } : {}),
  };
  const started = Date.now();
  let delayMs = options.retryDelayMs ?? 50;
  for (;;) {
    try {
      return await DuckDBInstance.create(path, config);
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
