/**
 * @module A page of a run's instances, filtered and paged in SQL over the run's instance index: the page's `seq`
 * values first (a few rows of one small file), then only the part files that hold them. A text search and the
 * outcome filter scan the run once and keep what they found (derived tables), so their later pages are as quick.
 */
import { listValue } from '@duckdb/node-api';
import { UserError } from '../../core/errors.ts';
import type { DerivedTables } from './derived-tables.ts';
import { viewInstances, type ViewInstance } from './instance-view.ts';
import type { MainMetric } from './main-metric.ts';
import { runParts } from './run-parts.ts';
import type { Params, ViewerDb } from './viewer-db.ts';

export interface InstanceFilters {
  readonly offset: number;
  readonly limit: number;
  readonly split?: string;
  /** 'original', or a perturbation's name. */
  readonly perturbation?: string;
  readonly outcome?: 'correct' | 'incorrect';
  readonly q?: string;
}

export interface InstancesPage {
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly main_metric: MainMetric | null;
  readonly instances: ViewInstance[];
}

export interface InstancesContext {
  readonly db: ViewerDb;
  readonly searches: DerivedTables;
  readonly outcomes: DerivedTables;
  /** Each filter set's matching instances, numbered (seq, rn). */
  readonly pages: DerivedTables;
}

/** The per-instance value of the main metric on original instances, mean over trials (table: instance_id, value). */
export const outcomeSelect = `SELECT instance_id, avg(mean) AS value FROM read_parquet($files)
  WHERE metric_name = $metric AND perturbation_name IS NULL AND stat_perturbation_name IS NULL GROUP BY instance_id`;

/** The WHERE conditions on index rows for `filters`, with their parameters. */
async function conditions(context: InstancesContext, runDir: string, filters: InstanceFilters, mainMetric: MainMetric | null) {
  const parts = runParts(runDir);
  const where: string[] = [];
  const params: Params = { ...parts.index.params };
  if (filters.split !== undefined) {
    where.push('split = $split');
    params['split'] = filters.split;
  }
  if (filters.perturbation === 'original') where.push('perturbation_name IS NULL');
  else if (filters.perturbation !== undefined) {
    where.push('perturbation_name = $perturbation');
    params['perturbation'] = filters.perturbation;
  }
  if (filters.q !== undefined) {
    const q = filters.q.toLowerCase();
    const table = await context.searches.table(`${parts.storeDir}\0${q}`,
      `SELECT DISTINCT seq FROM read_parquet($files) WHERE contains(lower(prompt), $q) OR contains(lower(coalesce(completion, '')), $q)`,
      { files: parts.allRequestStates, q });
    where.push(`seq IN (SELECT seq FROM ${table})`);
  }
  if (filters.outcome !== undefined) {
    if (mainMetric === null) {
      throw new UserError('This run has no main metric in the summary\'s schema (its groups name none), so there is no correct or incorrect: drop the outcome filter.');
    }
    const table = await context.outcomes.table(`${parts.storeDir}\0${mainMetric.name}`, outcomeSelect,
      { files: parts.allPerInstanceStats, metric: mainMetric.name });
    where.push(`instance_id IN (SELECT instance_id FROM ${table} WHERE value ${filters.outcome === 'correct' ? '>=' : '<'} 0.5)`);
  }
  return { parts, where: where.length === 0 ? 'true' : where.join(' AND '), params };
}

/** The page of instances of the run in `runDir` that `filters` asks for. */
export async function instancesPage(context: InstancesContext, runDir: string, filters: InstanceFilters, mainMetric: MainMetric | null): Promise<InstancesPage> {
  const { db } = context;
  const { parts, where, params } = await conditions(context, runDir, filters, mainMetric);
  // The matching instances numbered once per filter set; every page of it is then a range of `rn`.
  const key = `${parts.storeDir}\0${where}\0${JSON.stringify(params)}`;
  const pages = await context.pages.table(key,
    `SELECT seq, (row_number() OVER (ORDER BY seq) - 1)::BIGINT AS rn FROM (SELECT DISTINCT seq FROM ${parts.index.from} WHERE ${where})`, params);
  const [counted, page] = await Promise.all([
    db.rows(`SELECT count(*) AS n FROM ${pages}`),
    db.rows(`SELECT seq FROM ${pages} WHERE rn >= $offset AND rn < $end ORDER BY rn`, { offset: filters.offset, end: filters.offset + filters.limit }),
  ]);
  const seqs = page.map((row) => Number(row['seq']));
  const base = { total: Number(counted[0]?.['n'] ?? 0), offset: filters.offset, limit: filters.limit, main_metric: mainMetric };
  if (seqs.length === 0) return { ...base, instances: [] };
  const range = { lo: seqs[0]!, hi: seqs.at(-1)!, seqs: listValue(seqs) };
  const located = await db.rows(
    `SELECT DISTINCT part, instance_id FROM ${parts.index.from} WHERE seq BETWEEN $lo AND $hi AND seq IN (SELECT unnest($seqs))`,
    { ...parts.index.params, ...range },
  );
  const partNumbers = [...new Set(located.map((row) => Number(row['part'])))].sort((a, b) => a - b);
  const ids = listValue([...new Set(located.map((row) => String(row['instance_id'])))]);
  const [states, stats] = await Promise.all([
    db.rows(`SELECT seq, state::VARCHAR AS state FROM read_parquet($files, filename = true, file_row_number = true)
             WHERE seq BETWEEN $lo AND $hi AND seq IN (SELECT unnest($seqs)) ORDER BY filename, file_row_number`,
      { files: parts.requestStates(partNumbers), ...range }),
    db.rows(`SELECT instance_id, train_trial_index, perturbation_name, metric_name, split, sub_split, stat_perturbation_name,
                    computed_on, count, sum, min, max, mean
             FROM read_parquet($files) WHERE instance_id IN (SELECT unnest($ids)) ORDER BY position, stat_index`,
      { files: parts.perInstanceStats(partNumbers), ids }),
  ]);
  const shown = filters.perturbation;
  const instances = viewInstances(seqs, states, stats, {
    ...(mainMetric === null ? {} : { mainMetric: mainMetric.name }),
    keepVariant: (name) => shown === undefined || name === null || name === shown, // the original beside the copy asked for
  });
  return { ...base, instances };
}
