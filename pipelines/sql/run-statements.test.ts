import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { runStatements } from './run-statements.ts';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await connection.run("CREATE TABLE stats (run_name VARCHAR, mean DOUBLE); INSERT INTO stats VALUES ('gsm', 0.5), ('boolq', NULL)");
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

/** Runs `sql`, returning what was printed and the error thrown, if any. */
async function run(sql: string, asJson = false): Promise<{ printed: string; error?: unknown }> {
  let printed = '';
  const print = async (text: string): Promise<void> => {
    printed += text;
  };
  try {
    await runStatements(connection, sql, { asJson, print });
    return { printed };
  } catch (error) {
    return { printed, error };
  }
}

describe('runStatements', () => {
  it('prints each result as a table in turn, a blank line between them; SET and the like print nothing', async () => {
    const { printed, error } = await run("SELECT 1 AS a; SET threads = 1; SELECT run_name, mean FROM stats ORDER BY run_name");
    expect(error).toBeUndefined();
    expect(printed).toBe(
      ['a', '-', '1', '(1 row)', '', 'run_name | mean', '---------+-----', 'boolq    | NULL', 'gsm      |  0.5', '(2 rows)', ''].join('\n'),
    );
  });

  it('prints the NDJSON rows of each statement in turn', async () => {
    const { printed } = await run("SELECT 1 AS a; SELECT run_name FROM stats WHERE mean IS NULL; SELECT 'x;y' AS s", true);
    expect(printed).toBe('{"a":1}\n{"run_name":"boolq"}\n{"s":"x;y"}\n');
  });

  it('prints the count of changed rows (a temporary table is writable in a read-only session)', async () => {
    const { printed } = await run('CREATE TEMP TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2)');
    expect(printed).toBe('Count\n-----\n    2\n(1 row)\n');
  });

  it('names the failing statement among several, by number and text, after printing those before it', async () => {
    const { printed, error } = await run('SELECT 1 AS a;\n-- the next one fails\nSELECT *\n  FROM nope; SELECT 3');
    expect(printed).toBe('a\n-\n1\n(1 row)\n');
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(
      /^SQL error in statement 2 of 3 \(SELECT \* FROM nope\): Catalog Error: Table with name nope does not exist!/,
    );
  });

  it('names no statement when there is one, and shows where a syntax error is (nothing runs then)', async () => {
    expect(((await run('SELECT * FROM nope')).error as Error).message).toMatch(/^SQL error: Catalog Error: Table with name nope/);
    const { printed, error } = await run('SELECT 1; SELEC 2');
    expect(printed).toBe('');
    expect((error as Error).message).toBe('SQL error: Parser Error: syntax error at or near "SELEC"\n\nLINE 1: SELECT 1; SELEC 2\n                  ^');
  });

  it('refuses a query with no statement', async () => {
    const { error } = await run(' -- only a comment\n');
    expect(error).toEqual(new UserError('No SQL statement to run: the query is empty or holds only comments.'));
  });
});
