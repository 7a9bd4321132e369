/**
 * @module Which file `helm-sql` opens: a DuckDB file as given, or a suite's directory
 * (`benchmark_output/runs/<suite>`), whose database is `results.duckdb`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';

import { SUITE_DATABASE } from '../../sinks/store/suite-store.ts';

/** The suites under `dir` (or under `dir/runs`, when `dir` is an output directory) that have a database. */
function suitesUnder(dir: string): string[] {
  for (const parent of [dir, join(dir, 'runs')]) {
    const names = existsSync(parent) && statSync(parent).isDirectory() ? readdirSync(parent) : [];
    const suites = names.filter((name) => existsSync(join(parent, name, SUITE_DATABASE))).map((name) => join(parent, name));
    if (suites.length > 0) return suites.sort();
  }
  return [];
}

/**
 * The database file that `target` names: the file itself, or `<target>/results.duckdb` for a directory. A
 * UserError says what was looked for, and names the suites with a database when `target` is a folder above them.
 * @example resolveDatabasePath('benchmark_output/runs/quickstart') // 'benchmark_output/runs/quickstart/results.duckdb'
 */
export function resolveDatabasePath(target: string): string {
  if (!existsSync(target)) {
    throw new UserError(
      `No database at ${target}. A suite's database is <output>/runs/<suite>/${SUITE_DATABASE}, written when a run ends; ` +
        'give that file or its suite directory.',
    );
  }
  if (!statSync(target).isDirectory()) return target;
  const path = join(target, SUITE_DATABASE);
  if (existsSync(path)) return path;
  const suites = suitesUnder(target);
  throw new UserError(
    `No ${SUITE_DATABASE} in the directory ${target} (looked for ${path}). ` +
      (suites.length > 0
        ? `Suite directories with one: ${suites.join(', ')}.`
        : `A suite's database is <output>/runs/<suite>/${SUITE_DATABASE}, written when a run of the suite ends.`),
  );
}
