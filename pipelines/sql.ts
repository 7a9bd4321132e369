/**
 * @module `helm-sql <database> [query] [--json] [--tables]`: SQL over a suite's results.duckdb with nothing beyond
 * `npm ci` (there is no DuckDB CLI to install here, DESIGN §6). Opens the file read-only, runs each statement in
 * turn and prints its result as an aligned table, or one JSON object per row for jq. Exit 2 for a missing file,
 * bad SQL or a held lock; 1 for a bug.
 */
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { text } from 'node:stream/consumers';
import { Command, CommanderError } from 'commander';
import { UserError } from '../core/errors.ts';
import { isLockConflict, openDatabase, type DatabaseSession } from '../sinks/duckdb/open-database.ts';
import { ensureSuiteStore, SUITE_DATABASE } from '../sinks/store/suite-store.ts';
import { resolveDatabasePath } from './sql/database-path.ts';
import { formatTables, listTables } from './sql/list-tables.ts';
import { runStatements, type Print } from './sql/run-statements.ts';

const EXAMPLES = `
The query:
  "<sql>"   one or more statements separated by ';', each result printed in turn
  -         read the SQL from stdin
  (none)    read the SQL from stdin when stdin is not a terminal (a pipe or a file)

Examples:
  helm-sql benchmark_output/runs/quickstart --tables
  helm-sql benchmark_output/runs/quickstart "SELECT run_name, metric_name, mean FROM stats WHERE split = 'test'"
  helm-sql benchmark_output/runs/quickstart "SELECT count(*) FROM runs; SELECT count(*) FROM request_states"
  helm-sql benchmark_output/runs/quickstart - < summary.sql
  helm-sql benchmark_output/runs/quickstart/results.duckdb "SELECT * FROM runs" --json | jq .run_name
`;

/** Writes to stdout, waiting for 'drain' when its buffer is full (large --json outputs). */
const print: Print = async (output) => {
  if (!process.stdout.write(output)) await once(process.stdout, 'drain');
};

/** The SQL to run: the argument, or stdin for `-` (or no argument, when stdin is not a terminal). */
async function readSql(query: string | undefined): Promise<string> {
  if (query !== undefined && query !== '-') return query;
  if (query === undefined && process.stdin.isTTY === true) {
    throw new UserError(
      'No query given. Give one as the second argument (helm-sql <database> "SELECT …"), "-" to read it from stdin, ' +
        'or --tables to list the tables and their columns.',
    );
  }
  return text(process.stdin);
}

/** Opens the database read-only; a file DuckDB cannot open is the user's to fix, not a bug. */
async function openReadOnly(path: string, lockTimeoutMs: number): Promise<DatabaseSession> {
  try {
    return await openDatabase(path, { readOnly: true, lockTimeoutMs });
  } catch (error) {
    if (error instanceof UserError || isLockConflict(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new UserError(`Could not open ${path} as a DuckDB database: ${message}`, { cause: error });
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const program = new Command()
    .name('helm-sql')
    .description('Run SQL over a suite\'s results.duckdb, opened read-only (benchmark_output/runs/<suite>, or the file itself)')
    .argument('<database>', 'a suite directory (its results.duckdb is opened) or a DuckDB database file')
    .argument('[query]', 'the SQL: one or more statements; "-" or none reads it from stdin (see below)')
    .option('--json', 'print one JSON object per row (NDJSON), for jq; several statements print their rows in turn')
    .option('--tables', 'list each table and view with its columns, their types, and the row count of each table')
    .option('--lock-timeout <ms>', 'how long to wait while another process holds the database', '10000')
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    .showHelpAfterError();
  try {
    program.parse(argv as string[]);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    throw error;
  }
  const [target, query] = program.args as [string, string | undefined];
  const options = program.opts<{ json?: boolean; tables?: boolean; lockTimeout: string }>();
  const lockTimeoutMs = Number(options.lockTimeout);
  if (!Number.isFinite(lockTimeoutMs) || lockTimeoutMs < 0) {
    throw new UserError(`--lock-timeout must be a number of milliseconds, not '${options.lockTimeout}'`);
  }
  if (options.tables === true && query !== undefined) {
    throw new UserError('--tables lists the tables and takes no query: give either --tables or a query.');
  }
  const path = resolveDatabasePath(target);
  // A suite's views point at its folder: a suite moved or copied elsewhere gets them again (a no-op otherwise).
  if (basename(path) === SUITE_DATABASE && existsSync(join(dirname(path), '.store-schema'))) {
    // Held by another process: read the views as they are.
    await ensureSuiteStore(dirname(path), { trustMark: true, lockTimeoutMs: 1_000 }).catch(() => undefined);
  }
  const sql = options.tables === true ? '' : await readSql(query); // read before opening: the lock is held less
  const session = await openReadOnly(path, lockTimeoutMs);
  try {
    if (options.tables !== true) {
      await runStatements(session.connection, sql, { asJson: options.json === true, print });
      return;
    }
    const tables = await listTables(session.connection);
    await print(options.json === true ? tables.map((t) => `${JSON.stringify(t)}\n`).join('') : formatTables(tables));
  } finally {
    session.close();
  }
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0); // the reader (head, jq) is gone: nothing more to say
  throw error;
});

try {
  await main(process.argv);
} catch (error) {
  if (error instanceof UserError) {
    process.stderr.write(`helm-sql: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`helm-sql: unexpected error\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
}
