// Tests of the `helm-sql` command (pipelines/sql.ts), spawned as a user runs it, over a database written here.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SQL_JS = fileURLToPath(new URL('../../pipelines/sql.js', import.meta.url));
const REPO = fileURLToPath(new URL('../../', import.meta.url));

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs helm-sql with `stdin` piped in (then closed), as `echo … | helm-sql …` does. */
function helmSqlFed(stdin: string, ...args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [SQL_JS, ...args], { cwd: REPO }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
    });
    child.stdin?.end(stdin);
  });
}

/** Runs helm-sql with an empty stdin. */
const helmSql = (...args: string[]): Promise<Outcome> => helmSqlFed('', ...args);

let dir: string;
let dbPath: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'helm-sql-'));
  dbPath = join(dir, 'results.duckdb');
  const db = await DuckDBInstance.create(dbPath);
  const connection = await db.connect();
  await connection.run(`CREATE TABLE stats (run_name VARCHAR, metric_name VARCHAR, count BIGINT, mean DOUBLE);
    INSERT INTO stats VALUES ('mmlu:subject=anatomy', 'exact_match', 10, 0.25),
      ('mmlu:subject=anatomy', 'num_prompt_tokens', 10, 1336.2), ('gsm', 'exact_match', 9007199254740993, NULL);
    CREATE TABLE runs (run_name VARCHAR); CREATE VIEW exact_match AS SELECT run_name, mean FROM stats WHERE metric_name = 'exact_match';`);
  connection.closeSync();
  db.closeSync();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('helm-sql', () => {
  it('prints an aligned table with numbers right-aligned and NULLs shown', async () => {
    const { code, stdout } = await helmSql(dbPath, 'SELECT run_name, metric_name, mean FROM stats ORDER BY run_name DESC, metric_name');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'run_name             | metric_name       | mean',
        '---------------------+-------------------+-------',
        'mmlu:subject=anatomy | exact_match       |   0.25',
        'mmlu:subject=anatomy | num_prompt_tokens | 1336.2',
        'gsm                  | exact_match       |   NULL',
        '(3 rows)',
        '',
      ].join('\n'),
    );
  });

  it('prints NDJSON rows with --json, BIGINT as numbers where safe', async () => {
    const { code, stdout } = await helmSql(dbPath, 'SELECT metric_name, count, mean FROM stats ORDER BY mean NULLS LAST', '--json');
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual([
      '{"metric_name":"exact_match","count":10,"mean":0.25}',
      '{"metric_name":"num_prompt_tokens","count":10,"mean":1336.2}',
      '{"metric_name":"exact_match","count":"9007199254740993","mean":null}',
      '',
    ]);
  });

  it('opens the database read-only', async () => {
    const { code, stderr } = await helmSql(dbPath, "INSERT INTO stats VALUES ('x', 'y', 1, 1)");
    expect(code).toBe(2);
    expect(stderr).toMatch(/^helm-sql: SQL error: .*read-only/);
  });

  it('exits 2 with a clear message for bad SQL', async () => {
    const { code, stdout, stderr } = await helmSql(dbPath, 'SELEC 1');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^helm-sql: SQL error: .*syntax error at or near "SELEC"/);
  });

  it('exits 2 for a missing database file, naming it', async () => {
    const missing = join(dir, 'nope.duckdb');
    const { code, stderr } = await helmSql(missing, 'SELECT 1');
    expect(code).toBe(2);
    expect(stderr).toContain(`helm-sql: No database at ${missing}.`);
  });

  it('opens the results.duckdb of a suite directory given instead of the file', async () => {
    const { code, stdout } = await helmSql(dir, 'SELECT count(*) AS n FROM stats');
    expect(code).toBe(0);
    expect(stdout).toBe('n\n-\n3\n(1 row)\n');
  });

  it('reads the SQL from stdin for "-", and with no query argument when stdin is a pipe', async () => {
    const dash = await helmSqlFed("SELECT 'from stdin' AS source\n", dbPath, '-');
    expect([dash.code, dash.stdout]).toEqual([0, 'source\n----------\nfrom stdin\n(1 row)\n']);
    const none = await helmSqlFed('SELECT 2 AS two;', dbPath, '--json');
    expect([none.code, none.stdout]).toEqual([0, '{"two":2}\n']);
  });

  it('prints the result of each statement in turn, then names the statement that failed', async () => {
    const { code, stdout, stderr } = await helmSql(dbPath, "SELECT 1 AS a; SELECT run_name FROM stats WHERE run_name = 'gsm';\nSELECT *\n  FROM nope; SELECT 3");
    expect(code).toBe(2);
    expect(stdout).toBe('a\n-\n1\n(1 row)\n\nrun_name\n--------\ngsm\n(1 row)\n');
    expect(stderr).toMatch(/^helm-sql: SQL error in statement 3 of 4 \(SELECT \* FROM nope\): Catalog Error: Table with name nope does not exist/);
  });

  it('lists tables and views with their columns, types and row counts (--tables, --tables --json)', async () => {
    const listing = await helmSql(dir, '--tables');
    expect(listing.code).toBe(0);
    expect(listing.stdout).toBe(
      [
        'exact_match (view)',
        '  run_name  VARCHAR',
        '  mean      DOUBLE',
        '',
        'runs (table, 0 rows)',
        '  run_name  VARCHAR',
        '',
        'stats (table, 3 rows)',
        '  run_name     VARCHAR',
        '  metric_name  VARCHAR',
        '  count        BIGINT',
        '  mean         DOUBLE',
        '',
      ].join('\n'),
    );
    const json = await helmSql(dir, '--tables', '--json');
    expect(json.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown)[2]).toEqual({
      name: 'stats',
      kind: 'table',
      rows: 3,
      columns: [
        { name: 'run_name', type: 'VARCHAR' },
        { name: 'metric_name', type: 'VARCHAR' },
        { name: 'count', type: 'BIGINT' },
        { name: 'mean', type: 'DOUBLE' },
      ],
    });
  });

  it('waits for a lock held by another process, then says who to close', async () => {
    const holder = await DuckDBInstance.create(dbPath); // a writer in this process holds the file
    try {
      const { code, stderr } = await helmSql(dbPath, 'SELECT 1', '--lock-timeout', '100');
      expect(code).toBe(2);
      expect(stderr).toMatch(/^helm-sql: The DuckDB file .* is held by another process \(waited \d+ ms\)/);
    } finally {
      holder.closeSync();
    }
  });

  it('exits 2 with usage when arguments are missing', async () => {
    const { code, stderr } = await helmSql();
    expect(code).toBe(2);
    expect(stderr).toContain("missing required argument 'database'");
    expect(stderr).toContain('Usage: helm-sql');
  });
});
