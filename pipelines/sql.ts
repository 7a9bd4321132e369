/**
 * @module `helm-sql <db> "<query>" [--json]`: SQL over a suite's results.duckdb with nothing beyond `npm ci`
 * (there is no DuckDB CLI to install here, DESIGN §6). Opens the file read-only, prints an aligned table,
 * or one JSON object per row for jq. Exit 2 for a missing file, bad SQL or a held lock; 1 for a bug.
 */
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { Command, CommanderError } from 'commander';
import {
  DuckDBDecimalValue,
  DuckDBTypeId,
  JsonDuckDBValueConverter,
  type DuckDBConnection,
  type DuckDBValueConverter,
  type Json,
} from '@duckdb/node-api';
import { UserError } from '../core/errors.ts';
import { openDatabase } from '../sinks/duckdb/open-database.ts';

const BIG_INTEGERS = new Set<DuckDBTypeId>([
  DuckDBTypeId.BIGINT, DuckDBTypeId.UBIGINT, DuckDBTypeId.HUGEINT, DuckDBTypeId.UHUGEINT,
]);

/**
 * DuckDB's JSON forms, except that BIGINT-like integers are numbers where exactly representable (strings
 * beyond 2^53) and DECIMAL values are numbers (`SELECT 1.5` is a DECIMAL in DuckDB), so jq can do arithmetic.
 */
const toJson: DuckDBValueConverter<Json> = (value, type) => {
  if (typeof value === 'bigint' && BIG_INTEGERS.has(type.typeId)) {
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  }
  if (value instanceof DuckDBDecimalValue) return value.toDouble();
  return JsonDuckDBValueConverter(value, type, toJson);
};

/** One value as a table cell: NULL, numbers as is, text with control characters made visible. */
function cellText(value: Json): string {
  if (value === null) return 'NULL';
  if (typeof value === 'string') return value.replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A psql-like aligned table: numbers right-aligned, text left-aligned, then the row count. */
function formatTable(columns: readonly string[], rows: readonly (readonly Json[])[]): string {
  const cells = rows.map((row) => row.map(cellText));
  const widths = columns.map((name, i) => Math.max(name.length, ...cells.map((row) => row[i]!.length)));
  const isNumeric = columns.map((_, i) => rows.some((row) => typeof row[i] === 'number') &&
    rows.every((row) => row[i] === null || typeof row[i] === 'number'));
  const line = (values: readonly string[], alignNumbers: boolean): string =>
    values
      .map((v, i) => (alignNumbers && isNumeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join(' | ')
      .trimEnd();
  const out = [line(columns, false), widths.map((w) => '-'.repeat(w)).join('-+-'), ...cells.map((r) => line(r, true))];
  out.push(`(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})`);
  return `${out.join('\n')}\n`;
}

/** Writes to stdout, waiting for 'drain' when its buffer is full (large --json outputs). */
async function print(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

/** Runs `query` and prints its rows; SQL errors become UserErrors naming the query. */
async function runQuery(connection: DuckDBConnection, query: string, asJson: boolean): Promise<void> {
  let result;
  try {
    result = await connection.stream(query);
  } catch (error) {
    throw new UserError(`SQL error: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const columns = result.deduplicatedColumnNames();
  const rows: Json[][] = [];
  for await (const chunk of result.yieldConvertedRows(toJson)) {
    if (!asJson) {
      rows.push(...chunk);
      continue;
    }
    // Streamed chunk by chunk: an NDJSON output of any size stays in bounded memory.
    const lines = chunk.map((row) => JSON.stringify(Object.fromEntries(columns.map((c, i) => [c, row[i] ?? null]))));
    if (lines.length > 0) await print(`${lines.join('\n')}\n`);
  }
  if (!asJson && columns.length > 0) await print(formatTable(columns, rows));
}

async function main(argv: readonly string[]): Promise<void> {
  const program = new Command()
    .name('helm-sql')
    .description('Run SQL over a results.duckdb (opened read-only), e.g. benchmark_output/runs/<suite>/results.duckdb')
    .argument('<db-path>', 'the DuckDB database file')
    .argument('<query>', 'the SQL query')
    .option('--json', 'print one JSON object per row (NDJSON), for jq')
    .option('--lock-timeout <ms>', 'how long to wait while another process holds the database', '10000')
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
  const [dbPath, query] = program.args as [string, string];
  const options = program.opts<{ json?: boolean; lockTimeout: string }>();
  const lockTimeoutMs = Number(options.lockTimeout);
  if (!Number.isFinite(lockTimeoutMs) || lockTimeoutMs < 0) {
    throw new UserError(`--lock-timeout must be a number of milliseconds, not '${options.lockTimeout}'`);
  }
  if (!existsSync(dbPath)) {
    throw new UserError(
      `No database at ${dbPath}. A suite's database is <output>/runs/<suite>/results.duckdb, written when a run ends.`,
    );
  }
  const session = await openDatabase(dbPath, { readOnly: true, lockTimeoutMs });
  try {
    await runQuery(session.connection, query, options.json === true);
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
