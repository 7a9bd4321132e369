import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { resolveDatabasePath } from './database-path.ts';

const output = mkdtempSync(join(tmpdir(), 'database-path-'));
const suite = join(output, 'runs', 'quickstart');
mkdirSync(suite, { recursive: true });
mkdirSync(join(output, 'runs', 'no-db'));
writeFileSync(join(suite, 'results.duckdb'), '');
writeFileSync(join(output, 'other.duckdb'), '');
afterAll(() => rmSync(output, { recursive: true, force: true }));

describe('resolveDatabasePath', () => {
  it("opens a file as given, and a suite directory's results.duckdb", () => {
    expect(resolveDatabasePath(join(output, 'other.duckdb'))).toBe(join(output, 'other.duckdb'));
    expect(resolveDatabasePath(suite)).toBe(join(suite, 'results.duckdb'));
  });

  it('says what it looked for in a directory without one', () => {
    const dir = join(output, 'runs', 'no-db');
    expect(() => resolveDatabasePath(dir)).toThrow(
      new UserError(
        `No results.duckdb in the directory ${dir} (looked for ${join(dir, 'results.duckdb')}). ` +
          "A suite's database is <output>/runs/<suite>/results.duckdb, written when a run of the suite ends.",
      ),
    );
  });

  it('names the suites with a database below an output directory or its runs/ folder', () => {
    for (const dir of [output, join(output, 'runs')]) {
      expect(() => resolveDatabasePath(dir)).toThrow(`Suite directories with one: ${suite}.`);
    }
  });

  it('names the expected layout for a path that does not exist', () => {
    expect(() => resolveDatabasePath(join(output, 'nope'))).toThrow(
      `No database at ${join(output, 'nope')}. A suite's database is <output>/runs/<suite>/results.duckdb`,
    );
  });
});
