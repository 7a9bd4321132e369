/**
 * @module The suites a summary reads, as HELM's Summarizer reads them (`read_runs_for_suite`: sorted run directories,
 * skipping `eval_cache`, `groups` and any without run_spec.json or stats.json), opened as the SQL tables the group
 * tables query. A suite written by helm-run is read through its results store (a complete run whose store is missing
 * is rebuilt from its NDJSON twins first); a suite that HELM wrote, from its JSON files. A release reads several.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { UserError } from '../../core/errors.ts';
import type { RunSpec } from '../../core/run-spec.ts';
import { sqlString, type DatabaseSession } from '../../sinks/duckdb/open-database.ts';
import { attachSuiteDatabase } from '../../sinks/store/attach-suite.ts';
import { canRebuildRunStore, rebuildRunStore } from '../../sinks/store/rebuild-run-store.ts';
import { ensureSuiteStore, hasRunInStore, SUITE_DATABASE } from '../../sinks/store/suite-store.ts';
import { STORE_TABLES } from '../../sinks/store/store-schema.ts';
import { helmRunDirs, loadHelmSuite } from '../../sinks/summary/helm-suite-source.ts';
import type { SummaryRun } from '../../sinks/summary/suite-files.ts';

/** A suite to read: its name and folder (`<output-path>/runs/<suite>`, as the user's output path spells it). */
export interface SuiteToRead {
  readonly name: string;
  readonly dir: string;
}

/** The opened suites: the SQL tables, the runs in HELM's order, and HELM's warnings for skipped folders. */
export interface SummarySource extends DatabaseSession {
  readonly runs: readonly SummaryRun[];
  readonly skipped: readonly string[];
  /** Where the numbers come from, for the log: the results stores, HELM's JSON files, or both (a release of both kinds). */
  readonly readFrom: 'store' | 'helm-json' | 'both';
}

/** The run name in a run directory's run_spec.json. */
const runNameIn = (runDir: string): string => (JSON.parse(readFileSync(join(runDir, 'run_spec.json'), 'utf8')) as RunSpec).name;

/** The suites under `<output-path>/runs`, for a message. */
function suitesIn(runsDir: string): string[] {
  return existsSync(runsDir) ? readdirSync(runsDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort() : [];
}

/** The runs of each suite in HELM's order; a run name in two suites is taken from the later (as HELM), unless they disagree. */
function listRuns(suites: readonly SuiteToRead[]): { runs: SummaryRun[]; skipped: string[] } {
  const byName = new Map<string, SummaryRun>();
  const skipped: string[] = [];
  for (const suite of suites) {
    if (!existsSync(suite.dir)) {
      const runsDir = join(suite.dir, '..');
      const present = suitesIn(runsDir);
      throw new UserError(
        `Suite ${suite.name} does not exist at ${suite.dir}. ` +
          (present.length > 0 ? `Suites in ${runsDir}: ${present.join(', ')}.` : `There are no suites in ${runsDir}: run helm-run --suite ${suite.name} first, or give -o/--output-path.`),
      );
    }
    const found = helmRunDirs(suite.dir);
    skipped.push(...found.skipped.map((line) => `${suite.name}: ${line}`));
    for (const dirName of found.runDirs) {
      const runPath = join(suite.dir, dirName);
      const run: SummaryRun = { runPath, runName: runNameIn(runPath), suite: suite.name };
      const earlier = byName.get(run.runName);
      if (earlier !== undefined) {
        const same = readFileSync(join(earlier.runPath, 'stats.json'), 'utf8') === readFileSync(join(runPath, 'stats.json'), 'utf8');
        if (!same) {
          throw new UserError(
            `Run ${run.runName} is in two suites of the release with different results: ${join(earlier.runPath, 'stats.json')} and ` +
              `${join(runPath, 'stats.json')} differ. A release shows one result per run: drop one of the suites from --suites, or rerun the run in both.`,
          );
        }
        console.warn(`Run entry ${run.runName} is present in two different Run Suites. Defaulting to the latest assigned suite: ${suite.name}`);
        byName.delete(run.runName);
      }
      byName.set(run.runName, run);
    }
  }
  return { runs: [...byName.values()], skipped };
}

/** Whether every run of the suite is in its results store, rebuilding the stores of complete runs that lack one. */
async function isInStore(suite: SuiteToRead, runs: readonly SummaryRun[]): Promise<boolean> {
  if (!existsSync(join(suite.dir, '.store-schema'))) return false; // not written by our helm-run
  for (const run of runs.filter((r) => r.suite === suite.name && !hasRunInStore(r.runPath))) {
    if (!canRebuildRunStore(run.runPath)) return false;
    const runSpec = JSON.parse(readFileSync(join(run.runPath, 'run_spec.json'), 'utf8')) as RunSpec;
    await rebuildRunStore(run.runPath, runSpec, suite.name);
    console.warn(`Rebuilt the results store of ${run.runName} from its NDJSON files (its store was missing).`);
  }
  await ensureSuiteStore(suite.dir, { trustMark: true });
  return true;
}

/**
 * Opens the suites for summarizing: an in-memory DuckDB with one catalog per suite — its results store attached
 * read-only, or, for a suite HELM wrote, its JSON files loaded (`loadHelmSuite`) — and the views `runs`, `stats`,
 * `per_instance_stats`, `request_states` over them, holding only the runs HELM's rules pick (a run in two suites of a
 * release from the later one).
 */
export async function openSummarySource(suites: readonly SuiteToRead[]): Promise<SummarySource> {
  const { runs, skipped } = listRuns(suites);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const close = () => {
    connection.closeSync();
    instance.closeSync();
  };
  try {
    const sources: ('store' | 'helm-json')[] = [];
    const selects = new Map<string, string[]>(STORE_TABLES.map((table) => [table, []]));
    for (const [i, suite] of suites.entries()) {
      const catalog = `suite_${i}`;
      if (await isInStore(suite, runs)) {
        await attachSuiteDatabase(connection, join(suite.dir, SUITE_DATABASE), catalog);
        sources.push('store');
      } else {
        await loadHelmSuite(connection, suite.dir, { suite: suite.name, schema: catalog });
        sources.push('helm-json');
      }
      const names = runs.filter((run) => run.suite === suite.name).map((run) => run.runName);
      const picked = `(SELECT unnest(${sqlString(JSON.stringify(names))}::JSON::VARCHAR[]))`;
      for (const table of STORE_TABLES) selects.get(table)!.push(`SELECT * FROM ${catalog}.${table} WHERE run_name IN ${picked}`);
    }
    for (const [table, parts] of selects) await connection.run(`CREATE VIEW ${table} AS ${parts.join('\nUNION ALL BY NAME\n')}`);
    const readFrom = sources.every((source) => source === 'store') ? 'store' : sources.every((source) => source === 'helm-json') ? 'helm-json' : 'both';
    return { connection, close, runs, skipped, readFrom };
  } catch (error) {
    close();
    throw error;
  }
}
