/**
 * @module The runs of the served suites, searched and filtered in SQL over the catalog (`/api/runs`), and one run
 * with its stats (`/api/run`).
 */
import { listValue } from '@duckdb/node-api';
import { join } from 'node:path';
import { CATALOG_COLUMNS, NotFound, type RunCatalog } from './run-catalog.ts';
import { mainMetricOf, type MainMetric } from './main-metric.ts';
import { runParts } from './run-parts.ts';
import type { ServedSummary } from './serve-target.ts';
import type { Row, ViewerDb } from './viewer-db.ts';

export interface RunFilters {
  readonly q?: string;
  readonly scenario?: string;
  readonly model?: string;
  readonly group?: string;
  readonly perturbation?: string;
  readonly offset: number;
  readonly limit: number;
}

const FILTERED = `FROM catalog
  WHERE suite IN (SELECT unnest($suites))
    AND ($release_runs::VARCHAR[] IS NULL OR list_contains($release_runs::VARCHAR[], run_name || chr(0) || suite))
    AND ($q::VARCHAR IS NULL OR contains(lower(run_name), $q::VARCHAR))
    AND ($scenario::VARCHAR IS NULL OR scenario = $scenario::VARCHAR)
    AND ($model::VARCHAR IS NULL OR model = $model::VARCHAR)
    AND ($group::VARCHAR IS NULL OR list_contains(groups, $group::VARCHAR))
    AND ($perturbation::VARCHAR IS NULL OR list_contains(perturbations, $perturbation::VARCHAR))`;

const FACETS = `SELECT
  (SELECT list(DISTINCT scenario ORDER BY scenario) FROM catalog WHERE suite IN (SELECT unnest($suites))) AS scenarios,
  (SELECT list(DISTINCT model ORDER BY model) FROM catalog WHERE suite IN (SELECT unnest($suites))) AS models,
  (SELECT list(DISTINCT g ORDER BY g) FROM (SELECT unnest(groups) AS g FROM catalog WHERE suite IN (SELECT unnest($suites)))) AS groups,
  (SELECT list(DISTINCT p ORDER BY p) FROM (SELECT unnest(perturbations) AS p FROM catalog WHERE suite IN (SELECT unnest($suites)))) AS perturbations`;

/**
 * `/api/runs`: the page of runs matching `filters`, their count and the values each filter can take; the runs of
 * `suite`, else those of the served summary (a release: each run from the suite it names).
 */
export async function listRuns(db: ViewerDb, catalog: RunCatalog, served: ServedSummary, suite: string | undefined, filters: RunFilters) {
  const suites = suite === undefined ? served.suites : [suite];
  await catalog.load(suites);
  const releaseRuns = suite === undefined ? served.runSuites : undefined;
  const params = {
    suites: listValue([...suites]),
    release_runs: releaseRuns === undefined ? null : listValue([...releaseRuns].map(([run, from]) => `${run}\0${from}`)),
    q: filters.q?.toLowerCase() ?? null,
    scenario: filters.scenario ?? null,
    model: filters.model ?? null,
    group: filters.group ?? null,
    perturbation: filters.perturbation ?? null,
  };
  const [counted, runs, facets] = await Promise.all([
    db.rows(`SELECT count(*) AS n ${FILTERED}`, params),
    db.rows(`SELECT ${CATALOG_COLUMNS} ${FILTERED} ORDER BY run_name, suite LIMIT $limit OFFSET $offset`, { ...params, limit: filters.limit, offset: filters.offset }),
    db.rows(FACETS, { suites: params.suites }), // facets of the suites' runs
  ]);
  const empty = (value: unknown) => (value ?? []) as string[];
  return {
    total: Number(counted[0]?.['n'] ?? 0),
    offset: filters.offset,
    limit: filters.limit,
    runs,
    facets: {
      scenarios: empty(facets[0]?.['scenarios']),
      models: empty(facets[0]?.['models']),
      groups: empty(facets[0]?.['groups']),
      perturbations: empty(facets[0]?.['perturbations']),
    },
  };
}

/** The schemas that may name a run's main metric: its suite's summary, then the served summary's. */
export const schemaPathsFor = (outputPath: string, suite: string, servedDir: string): string[] =>
  [join(outputPath, 'runs', suite, 'schema.json'), join(outputPath, servedDir, 'schema.json')];

/** The catalog row of a run (with its run spec), and its main metric. */
export async function runRow(db: ViewerDb, catalog: RunCatalog, suite: string, runName: string, schemaPaths: readonly string[]) {
  const runDir = await catalog.runDir(suite, runName);
  const rows = await db.rows(`SELECT ${CATALOG_COLUMNS}, run_spec FROM catalog WHERE suite = $suite AND run_name = $run`, { suite, run: runName });
  const row = rows[0];
  if (row === undefined) throw new NotFound(`No complete run '${runName}' in suite '${suite}'.`);
  const mainMetric: MainMetric | null = mainMetricOf(row['groups'] as string[], schemaPaths);
  return { runDir, row: { ...row, run_spec: JSON.parse(String(row['run_spec'])) as unknown } as Row, mainMetric };
}

/** `/api/run`: the run, its stats (stats.json's order), main metric, splits and perturbation names. */
export async function runDetail(db: ViewerDb, catalog: RunCatalog, suite: string, runName: string, schemaPaths: readonly string[]) {
  const { runDir, row, mainMetric } = await runRow(db, catalog, suite, runName, schemaPaths);
  const { storeDir } = runParts(runDir);
  const stats = await db.rows(
    `SELECT position, metric_name, split, sub_split, perturbation_name, perturbation::VARCHAR AS perturbation, computed_on,
            count, sum, sum_squared, min, max, mean, variance, stddev
     FROM read_parquet($file) ORDER BY position`,
    { file: join(storeDir, 'stats.parquet') },
  );
  const distinct = (key: string) => [...new Set(stats.map((s) => s[key]).filter((v): v is string => typeof v === 'string'))].sort();
  const { index } = runParts(runDir);
  const perturbed = await db.rows(`SELECT DISTINCT perturbation_name FROM ${index.from} WHERE perturbation_name IS NOT NULL ORDER BY 1`, index.params);
  return {
    run: row,
    stats: stats.map((s) => ({ ...s, perturbation: s['perturbation'] === null ? null : (JSON.parse(String(s['perturbation'])) as unknown) })),
    main_metric: mainMetric,
    splits: distinct('split'),
    /** The perturbations of the run's instances (the stats also name worst-case groups such as robustness). */
    perturbations: perturbed.map((p) => String(p['perturbation_name'])),
  };
}
