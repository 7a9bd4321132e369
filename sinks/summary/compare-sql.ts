/**
 * @module The two queries of `compareSuites`: the (run, metric, split, sub_split, perturbation) groups with their
 * counts and HELM run-level means, and the paired units' numbers streamed in the same group order.
 */
import { sqlString } from '../duckdb/open-database.ts';

/** Both queries, for suites attached as catalogs `a` and `b`. */
export interface ComparisonSql {
  /** One row per group: key, group_check, n_paired, n_only_a, n_only_b, run_mean_a, run_mean_b. Small. */
  readonly groups: string;
  /** One row per paired unit: group_check, sum_a, count_a, sum_b, count_b; in group order, then A's position. */
  readonly pairs: string;
}

/** A catalog name as SQL: a double-quoted identifier. */
const catalog = (name: string): string => `"${name.replaceAll('"', '""')}"`;

const GROUP_KEY = ['run_name', 'metric_name', 'split', 'sub_split', 'perturbation'] as const;
const GROUP_ORDER = 'run_name, metric_name, split NULLS FIRST, sub_split NULLS FIRST, perturbation NULLS FIRST';
// Ties the streamed pairs to their group: both queries compute it, and a mismatch is a bug, caught, not a wrong row.
const GROUP_CHECK = `(hash(${GROUP_KEY.join(', ')}) % 2147483647)::INTEGER AS group_check`;

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
), joined AS (
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
 * The queries comparing catalogs `a` and `b` (identifiers already checked), optionally for some metrics only.
 * @example const { groups, pairs } = comparisonSql('a', 'b', ['exact_match']);
 */
export function comparisonSql(a: string, b: string, metrics?: readonly string[]): ComparisonSql {
  const common = joined(a, b, metrics);
  const groups = `${common}, grouped AS (
  SELECT ${GROUP_KEY.join(', ')}, ${GROUP_CHECK},
    (count(*) FILTER (WHERE count_a IS NOT NULL AND count_b IS NOT NULL))::INTEGER AS n_paired,
    (count(*) FILTER (WHERE count_b IS NULL))::INTEGER AS n_only_a,
    (count(*) FILTER (WHERE count_a IS NULL))::INTEGER AS n_only_b
  FROM joined GROUP BY ALL
)
SELECT g.*, sa.mean AS run_mean_a, sb.mean AS run_mean_b
FROM grouped g ${runMean(a, 'sa')} ${runMean(b, 'sb')}
ORDER BY ${GROUP_ORDER.replaceAll(/(^|, )/g, '$1g.')}`;
  const pairs = `${common}
SELECT ${GROUP_CHECK}, sum_a, count_a, sum_b, count_b
FROM joined WHERE count_a IS NOT NULL AND count_b IS NOT NULL
ORDER BY ${GROUP_ORDER}, position_a`;
  return { groups, pairs };
}
