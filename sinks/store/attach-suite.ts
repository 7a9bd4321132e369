/** @module A suite's results.duckdb attached read-only to a connection of another DuckDB instance. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { UserError } from '../../core/errors.ts';
import { isLockConflict, sqlString } from '../duckdb/open-database.ts';

/** `ATTACH '<dbPath>' AS <catalog> (READ_ONLY)`; a file another process holds open for writing is a UserError saying so. */
export async function attachSuiteDatabase(connection: DuckDBConnection, dbPath: string, catalog: string): Promise<void> {
  try {
    await connection.run(`ATTACH ${sqlString(dbPath)} AS ${catalog} (READ_ONLY)`);
  } catch (error) {
    if (!isLockConflict(error)) throw error;
    throw new UserError(
      `The suite database ${dbPath} is held by another process (${String(error).split('\n')[0]}). DuckDB allows one ` +
        'process per file: close the other program (a DuckDB shell, a running helm-run making its views) and try again.',
      { cause: error },
    );
  }
}
