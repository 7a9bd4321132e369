/** @module What helm-run prints when a run ends: its headline number per split, its requests, and where it went. */
import { readFileSync } from 'node:fs';
import type { RunSpec } from '../../core/run-spec.ts';
import type { Stat } from '../../core/stat.ts';
import type { RunCounts } from './graph.ts';

/** HELM's main metric and split per classic run group (schema_classic.yaml), from configs/main_metrics.json. */
const MAIN_METRICS = JSON.parse(readFileSync(new URL('../../configs/main_metrics.json', import.meta.url), 'utf8')) as Record<
  string,
  [string, string] | string
>;
// For a group the table does not know: the first of these the run computed.
const FALLBACK_METRICS = ['exact_match', 'quasi_exact_match', 'final_number_exact_match', 'f1_score', 'estimated_num_tokens_cost'];
const SPLIT_ORDER = ['test', 'valid', 'train'];

/** The run's main metric: its group's (HELM's schema), else the first of a few common ones it computed. */
export function mainMetricOf(runSpec: RunSpec, stats: readonly Stat[]): string | undefined {
  const computed = new Set(stats.filter((s) => s.name.perturbation === undefined && s.count > 0).map((s) => s.name.name));
  for (const group of runSpec.groups) {
    const main = MAIN_METRICS[group];
    if (Array.isArray(main) && computed.has(main[0])) return main[0];
  }
  return FALLBACK_METRICS.find((name) => computed.has(name));
}

const isPlain = (s: Stat): boolean => s.name.perturbation === undefined && s.name.sub_split === undefined && s.count > 0;

/**
 * `exact_match 0.400 on test (10 instances)` for each split with the main metric, unperturbed. Run-level stats are
 * means over train trials (HELM), so the instances come from `num_instances`.
 */
export function headlineText(runSpec: RunSpec, stats: readonly Stat[]): string {
  const metric = mainMetricOf(runSpec, stats);
  if (metric === undefined) return 'no accuracy metric';
  const instances = new Map(stats.filter((s) => s.name.name === 'num_instances' && isPlain(s)).map((s) => [s.name.split, s.mean!]));
  const parts = stats
    .filter((s) => s.name.name === metric && isPlain(s))
    .sort((a, b) => SPLIT_ORDER.indexOf(a.name.split ?? '') - SPLIT_ORDER.indexOf(b.name.split ?? ''))
    .map((s) => {
      const count = instances.get(s.name.split);
      const of = count === undefined ? '' : ` (${count} ${count === 1 ? 'instance' : 'instances'})`;
      return `${s.mean!.toFixed(3)} on ${s.name.split ?? 'all splits'}${of}`;
    });
  return `${metric} ${parts.join(', ')}`;
}

/** The lines printed when a run ends. */
export function runSummaryText(runSpec: RunSpec, runDir: string, counts: RunCounts): string {
  const failed = counts.numFailedRequests > 0 ? `, ${counts.numFailedRequests} FAILED` : ', 0 failed';
  return [
    `Done ${runSpec.name}`,
    `  ${headlineText(runSpec, counts.stats)}`,
    `  ${counts.numRequestStates} requests: ${counts.numCachedRequests} from the cache${failed}`,
    `  files: ${runDir}`,
  ].join('\n');
}

/** The lines printed at the end of a helm-run: where the suite's results are, and a query to try. */
export function suiteFooterText(suiteDir: string): string {
  return [
    `Results: ${suiteDir}/results.duckdb (one row per run in 'runs'; stats, per_instance_stats, request_states)`,
    `  try: node pipelines/sql.js '${suiteDir}' "SELECT run_name, metric_name, split, round(mean, 3) AS mean FROM stats ` +
      `WHERE metric_name IN ('exact_match', 'quasi_exact_match') AND perturbation_name IS NULL ORDER BY ALL"`,
  ].join('\n');
}
