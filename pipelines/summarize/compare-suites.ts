/**
 * @module `helm-summarize --compare SUITE_A SUITE_B`: both suites attached to one in-memory DuckDB (each through its
 * results store), compared run by run and metric by metric with a paired bootstrap (sinks/summary/compare.ts), printed
 * as a Markdown table or NDJSON. Nothing is written.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { UserError } from '../../core/errors.ts';
import { attachSuiteDatabase } from '../../sinks/store/attach-suite.ts';
import { ensureSuiteStore, SUITE_DATABASE } from '../../sinks/store/suite-store.ts';
import { compareSuites, type ComparisonRow } from '../../sinks/summary/compare.ts';
import { formatComparison } from '../../sinks/summary/compare-format.ts';

export interface CompareCommandOptions {
  readonly outputPath: string;
  readonly suites: readonly [string, string];
  readonly resamples?: number;
  readonly format: 'markdown' | 'json';
}

/** The suite's results database, made current first; a suite without one (written by HELM itself) is named in the error. */
async function suiteDatabase(outputPath: string, suite: string): Promise<string> {
  const dir = join(outputPath, 'runs', suite);
  if (!existsSync(dir)) throw new UserError(`Suite ${suite} does not exist at ${dir}: --compare takes two suites of ${join(outputPath, 'runs')}.`);
  if (!existsSync(join(dir, '.store-schema'))) {
    throw new UserError(
      `Suite ${suite} at ${dir} has no results store (it was not written by this project's helm-run): --compare reads ` +
        'per-instance stats from the store. Rerun its entries with helm-run --suite to make one.',
    );
  }
  await ensureSuiteStore(dir, { trustMark: true });
  return join(dir, SUITE_DATABASE);
}

/** Runs the comparison and prints it; exit code 0. */
export async function compareSuitesCommand(options: CompareCommandOptions): Promise<number> {
  const [a, b] = options.suites;
  const paths = [await suiteDatabase(options.outputPath, a), await suiteDatabase(options.outputPath, b)];
  // The pairing join of million-instance runs spills past this limit instead of taking most of the machine's memory.
  const instance = await DuckDBInstance.create(':memory:', { memory_limit: '512MB', temp_directory: join(tmpdir(), `helm-compare-${process.pid}`) });
  const connection = await instance.connect();
  try {
    await attachSuiteDatabase(connection, paths[0]!, 'suite_a');
    await attachSuiteDatabase(connection, paths[1]!, 'suite_b');
    const rows: ComparisonRow[] = [];
    for await (const row of compareSuites(connection, { a: 'suite_a', b: 'suite_b', ...(options.resamples === undefined ? {} : { resamples: options.resamples }) })) {
      if (options.format === 'json') process.stdout.write(formatComparison([row], { format: 'json' }));
      else rows.push(row); // one line per (run, metric, split): small beside the instances it summarizes
    }
    if (options.format === 'markdown') {
      console.log(`Suite A: ${a}, suite B: ${b} (B − A; paired bootstrap over per-instance stats)\n`);
      process.stdout.write(formatComparison(rows));
    }
    for (const [suite, only] of [[a, 'suite_a.runs EXCEPT SELECT run_name FROM suite_b.runs'], [b, 'suite_b.runs EXCEPT SELECT run_name FROM suite_a.runs']] as const) {
      const names = (await connection.runAndReadAll(`SELECT run_name FROM ${only} ORDER BY 1`)).getRows().map((row) => String(row[0]));
      if (names.length > 0) console.warn(`Only in ${suite}, not compared: ${names.join(', ')}`);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return 0;
}
