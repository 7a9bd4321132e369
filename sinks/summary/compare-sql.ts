/**
 * @module The one query of `compareSuites`: per (run, metric, split, sub_split, perturbation) group, a header row
 * (key, counts, HELM run means) followed by the group's paired units, all in group order, so that a reader streams
 * it holding one group at a time.
 */
import { sqlString } from '../duckdb/open-database.ts';

/** A catalog name as SQL: a double-quoted identifier. */
const catalog = (name: string): string => `"${name.replaceAll('"', '""')}"`;

const GROUP_KEY = ['run_name', 'metric_name', 'split', 'sub_split', 'perturbation'] as const;
const GROUP_ORDER = 'run_name, metric_name, split NULLS FIRST, sub_split NULLS FIRST, perturbation NULLS FIRST';

/** The result's columns, in order: `kind` 0 for a group's header, 1 for one of its pairs. */
export const COMPARISON_COLUMNS = [
  'kind', 'header_run_name', 'header_metric_name', 'header_split', 'header_sub_split', 'header_perturbation',
  'n_paired', 'n_only_a', 'n_only_b',
  'run_mean_a', 'run_mean_b', 'sum_a', 'count_a', 'sum_b', 'count_b',
] as const;

/**
 * One suite's units: per (run, metric, split, sub_split, stat perturbation, instance, train trial), the sums and
 * counts of its per-instance stats merged (several entries of one instance, as language modeling writes, make one
 * unit), and its first position (a deterministic order). Originals and perturbed instances only: HELM's worst-case
 * and `before_` stats (computed_on worst/original) are derived per run in metric.py compute_worst_case_metrics and
 * are not in per_instance_stats. A stat of count 0 says nothing and is left out.
 */
function units(suite: string, metrics: readonly string[] | undefined): string {
  const metricFilter = metrics === undefined ? '' : `AND metric_name IN (${metrics.map(sqlString).join(', ')})`;
  return `
  SELECT run_name, metric_name, split, sub_split, stat_perturbation::VARCHAR AS perturbation, instance_id,
    train_trial_index, sum(sum) AS sum, sum(count)::DOUBLE AS count, min(position) AS position
  FROM ${catalog(suite)}.per_instance_stats
  WHERE run_name IN (SELECT run_name FROM common_runs) AND count > 0 AND sum IS NOT NULL
    AND (computed_on IS NULL OR computed_on = 'perturbed') ${metricFilter}
  GROUP BY ALL`;
}

/** `x.c IS NOT DISTINCT FROM y.c` for each column. */
const sameIn = (columns: readonly string[]): string =>
  columns.map((column) => `x.${column} IS NOT DISTINCT FROM y.${column}`).join(' AND ');

/**
 * The units of both suites, full-outer-joined on the pair key (the group and instance_id, train_trial_index: the
 * instance's perturbation is the stat's, HELM's add_context). Runs are those in both suites' `stats`.
 */
function joined(a: string, b: string, metrics: readonly string[] | undefined): string {
  return `WITH common_runs AS (
  SELECT run_name FROM ${catalog(a)}.stats INTERSECT SELECT run_name FROM ${catalog(b)}.stats
), units_a AS (${units(a, metrics)}
), units_b AS (${units(b, metrics)}
), joined AS MATERIALIZED (
  SELECT ${GROUP_KEY.map((column) => `coalesce(x.${column}, y.${column}) AS ${column}`).join(', ')},
    x.sum AS sum_a, x.count AS count_a, y.sum AS sum_b, y.count AS count_b, x.position AS position_a
  FROM units_a x FULL OUTER JOIN units_b y
    ON ${sameIn([...GROUP_KEY, 'instance_id', 'train_trial_index'])}
)`;
}

/** The run-level stat of each group in one suite (HELM's stats.json row with the same MetricName). */
const runMean = (suite: string, alias: string): string => `
  LEFT JOIN ${catalog(suite)}.stats ${alias} ON ${alias}.run_name = g.run_name AND ${alias}.metric_name = g.metric_name
    AND ${alias}.split IS NOT DISTINCT FROM g.split AND ${alias}.sub_split IS NOT DISTINCT FROM g.sub_split
    AND ${alias}.perturbation::VARCHAR IS NOT DISTINCT FROM g.perturbation`;

/**
 * The query comparing catalogs `a` and `b` (identifiers already checked), optionally for some metrics only: rows
 * of COMPARISON_COLUMNS. The joined units are materialized once and read twice (counted per group, and streamed);
 * header columns are NULL on pair rows and pair columns NULL on header rows.
 * @example const sql = comparisonSql('a', 'b', ['exact_match']);
 */
export function comparisonSql(a: string, b: string, metrics?: readonly string[]): string {
  const key = GROUP_KEY.join(', ');
  const headerOnly = GROUP_KEY.map((column) => `CASE WHEN kind = 0 THEN ${column} END AS header_${column}`).join(', ');
  return `${joined(a, b, metrics)}, grouped AS (
  SELECT ${key},
    (count(*) FILTER (WHERE count_a IS NOT NULL AND count_b IS NOT NULL))::INTEGER AS n_paired,
    (count(*) FILTER (WHERE count_b IS NULL))::INTEGER AS n_only_a,
    (count(*) FILTER (WHERE count_a IS NULL))::INTEGER AS n_only_b
  FROM joined GROUP BY ALL
), all_rows AS (
  SELECT ${GROUP_KEY.map((column) => `g.${column}`).join(', ')}, 0 AS kind, g.n_paired, g.n_only_a, g.n_only_b,
    sa.mean AS run_mean_a, sb.mean AS run_mean_b,
    NULL::DOUBLE AS sum_a, NULL::DOUBLE AS count_a, NULL::DOUBLE AS sum_b, NULL::DOUBLE AS count_b, NULL::BIGINT AS position_a
  FROM grouped g ${runMean(a, 'sa')} ${runMean(b, 'sb')}
  UNION ALL
  SELECT ${key}, 1, NULL, NULL, NULL, NULL, NULL, sum_a, count_a, sum_b, count_b, position_a
  FROM joined WHERE count_a IS NOT NULL AND count_b IS NOT NULL
)
SELECT kind, ${headerOnly}, n_paired, n_only_a, n_only_b, run_mean_a, run_mean_b, sum_a, count_a, sum_b, count_b
FROM all_rows
ORDER BY ${GROUP_ORDER}, kind, position_a`;
}
