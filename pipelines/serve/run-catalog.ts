/**
 * @module The runs the viewer knows: one in-memory table, `catalog`, made from each suite's `runs.parquet` files
 * (a run shows once complete) and the names of the perturbations its stats were computed on, read again when older than a few seconds
 * so that runs finishing while the server is up appear. One row per run: its size is the number of runs, not
 * instances.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { checkSuite } from '../cli/flag-table.ts';
import type { Row, ViewerDb } from './viewer-db.ts';

const FRESH_MS = 5_000;

/** One run as the API shows it. */
export interface CatalogRun {
  readonly run_name: string;
  readonly suite: string;
  readonly scenario: string;
  readonly scenario_class: string;
  readonly model: string;
  readonly model_deployment: string;
  readonly method: string;
  readonly groups: string[];
  readonly perturbations: string[];
  readonly num_request_states: number;
  readonly num_failed_requests: number;
  readonly completed_at: string;
}

export const CATALOG_COLUMNS = `run_name, suite, scenario, scenario_class, model, model_deployment, method, groups, perturbations,
  num_request_states, num_failed_requests, completed_at`;

const CREATE = `CREATE TABLE IF NOT EXISTS catalog (run_name VARCHAR, suite VARCHAR, scenario VARCHAR, scenario_class VARCHAR,
  model VARCHAR, model_deployment VARCHAR, method VARCHAR, groups VARCHAR[], perturbations VARCHAR[], num_request_states BIGINT,
  num_failed_requests BIGINT, completed_at VARCHAR, run_spec VARCHAR)`;

const LOAD = `INSERT INTO catalog
SELECT r.run_name, $suite, split_part(r.run_name, ':', 1), r.scenario_class, r.model, r.model_deployment, r.method, r.groups,
       coalesce(p.names, []::VARCHAR[]), r.num_request_states, r.num_failed_requests, strftime(r.completed_at, '%Y-%m-%dT%H:%M:%SZ'),
       r.run_spec::VARCHAR
FROM read_parquet($runs, union_by_name = true) r
LEFT JOIN (SELECT run_name, list(DISTINCT perturbation_name ORDER BY perturbation_name) AS names
           FROM read_parquet($stats, union_by_name = true) WHERE computed_on = 'perturbed' GROUP BY run_name) p USING (run_name)`;

export interface RunCatalog {
  /** Makes sure the suites' runs are in `catalog` and fresh. */
  load(suites: readonly string[]): Promise<void>;
  /** The suites under the output path that have at least one complete run. */
  suitesWithRuns(): string[];
  /** A run's folder, when the run is in the catalog for that suite; else a 404-worthy UserError. */
  runDir(suite: string, runName: string): Promise<string>;
}

export function runCatalog(db: ViewerDb, outputPath: string): RunCatalog {
  const loadedAt = new Map<string, number>();
  let created = false;
  const runsDir = join(outputPath, 'runs');
  const hasCompleteRun = (suite: string): boolean =>
    existsSync(join(runsDir, suite)) &&
    readdirSync(join(runsDir, suite), { withFileTypes: true }).some((e) => e.isDirectory() && existsSync(join(runsDir, suite, e.name, 'store', 'runs.parquet')));

  async function loadOne(suite: string): Promise<void> {
    await db.run('DELETE FROM catalog WHERE suite = $suite', { suite });
    if (hasCompleteRun(suite)) {
      const dir = join(runsDir, suite);
      await db.run(LOAD, { suite, runs: join(dir, '*', 'store', 'runs.parquet'), stats: join(dir, '*', 'store', 'stats.parquet') });
    }
    loadedAt.set(suite, Date.now());
  }

  async function loadStale(suites: readonly string[]): Promise<void> {
    if (!created) {
      await db.run(CREATE);
      created = true;
    }
    for (const suite of suites) {
      if (Date.now() - (loadedAt.get(suite) ?? 0) > FRESH_MS) await loadOne(suite);
    }
  }
  // Loads run one after another: two requests at once must not both delete and insert a suite's rows.
  let loading: Promise<void> = Promise.resolve();

  return {
    load(suites) {
      const next = loading.then(() => loadStale(suites));
      loading = next.catch(() => undefined);
      return next;
    },
    suitesWithRuns() {
      if (!existsSync(runsDir)) return [];
      return readdirSync(runsDir, { withFileTypes: true }).filter((e) => e.isDirectory() && hasCompleteRun(e.name)).map((e) => e.name).sort();
    },
    async runDir(suite, runName) {
      checkSuite(suite, 'suite');
      await this.load([suite]);
      const found = await db.rows('SELECT run_name FROM catalog WHERE suite = $suite AND run_name = $run', { suite, run: runName });
      if (found.length === 0) throw new NotFound(`No complete run '${runName}' in suite '${suite}'.`);
      return join(runsDir, suite, runName);
    },
  };
}

/** A request for something that is not there (answered 404). */
export class NotFound extends UserError {}

/** A catalog row as the API shows it. */
export const catalogRun = (row: Row): CatalogRun => row as unknown as CatalogRun;
