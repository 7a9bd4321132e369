// Tests of the `helm-sql` command (pipelines/sql.ts), spawned as a user runs it, over a database written here.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SQL_JS = fileURLToPath(new URL('../../pipelines/sql.js', import.meta.url));
const REPO = fileURLToPath(new URL('../../', import.meta.url));

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function helmSql(...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [SQL_JS, ...args], { cwd: REPO });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
let dbPath: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'helm-sql-'));
  dbPath = join(dir, 'results.duckdb');
  const db = await DuckDBInstance.create(dbPath);
  const connection = await db.connect();
  await connection.run(`CREATE TABLE stats (run_name VARCHAR, metric_name VARCHAR, count BIGINT, mean DOUBLE);
    INSERT INTO stats VALUES ('mmlu:subject=anatomy', 'exact_match', 10, 0.25),
      ('mmlu:subject=anatomy', 'num_prompt_tokens', 10, 1336.2), ('gsm', 'exact_match', 9007199254740993, NULL);`);
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

  it('exits 2 with usage when arguments are missing', async () => {
    const { code, stderr } = await helmSql();
    expect(code).toBe(2);
    expect(stderr).toContain("missing required argument 'db-path'");
    expect(stderr).toContain('Usage: helm-sql');
  });
});
