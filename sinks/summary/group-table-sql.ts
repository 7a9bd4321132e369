/**
 * @module The SQL of one group table (HELM `summarize.py` `create_group_table` and `create_cell`), over the suite's
 * `runs` and `stats`: the table's rows, runs and columns are inline VALUES, every number is computed by the query,
 * which returns the cells in long form. It reruns as is in the DuckDB CLI against a suite's results.duckdb.
 */
import type { AggregationStrategy, MetricNameMatcher } from './helm-schema-types.ts';
import { valuesCte } from './group-sql-values.ts';
import { winRateCtes } from './win-rate-sql.ts';

/** HELM's `Summarizer.LOGPROBS_ISSUE_MODELS`: models whose logprobs it distrusts. */
export const LOGPROBS_ISSUE_MODELS = [
  'anthropic/stanford-online-all-v4-s3',
  'meta/llama-7b',
  'meta/llama-13b',
  'meta/llama-30b',
  'meta/llama-65b',
  'meta/llama-2-7b',
  'meta/llama-2-13b',
  'meta/llama-2-70b',
] as const;
/** HELM's `Summarizer.LOGPROBS_ISSUE_METRICS`: the metrics hidden for those models (ranking and calibration). */
export const LOGPROBS_ISSUE_METRICS = [
  'NDCG@10', 'RR@10', 'NDCG@20', 'RR@20', 'ece_1_bin', 'ece_10_bin', 'platt_ece_1_bin', 'platt_ece_10_bin', 'platt_coef',
  'platt_intercept', 'selective_cov_acc_area', 'selective_acc@10',
] as const;

/** A row of the query: its label, the model it stands for, its runs in HELM's order (a run may repeat, and counts twice). */
export interface QueryRow {
  readonly label: string;
  readonly model: string;
  readonly runs: readonly string[];
}

/** A metric column of the query at `index` (0 is the row label column). */
export interface QueryColumn {
  readonly index: number;
  readonly label: string;
  readonly runGroup: string;
  readonly matcher: MetricNameMatcher;
  readonly lowerIsBetter: boolean | null;
  /** HELM's bAbI hack: the column reads only runs named with `task=all`. */
  readonly isTaskAllOnly: boolean;
}

/** What one table's query is made of. */
export interface GroupTableQuery {
  /** Said in the header comment: `groups/<group>.json, table '<title>'`. */
  readonly groupName: string;
  readonly title: string;
  readonly rows: readonly QueryRow[];
  readonly columns: readonly QueryColumn[];
  /** The aggregate columns and their positions. */
  readonly aggregates: readonly { readonly index: number; readonly strategy: AggregationStrategy }[];
}

/** One cell as the query returns it. */
export interface GroupTableCellRow {
  readonly row_index: number;
  readonly column_index: number;
  readonly row_label: string;
  readonly column: string;
  readonly value: number | null;
  readonly bold: boolean;
  /** Metric cells: the runs read, the runs with a matching stat, whether a run had several (HELM's singleton error). */
  readonly num_runs: number | null;
  readonly num_matched_runs: number | null;
  readonly has_several_stats: boolean | null;
  /** Metric cells: the merged stat. */
  readonly count: number | null;
  readonly sum: number | null;
  readonly min: number | null;
  readonly max: number | null;
  /** Metric cells: the runs whose stats were merged, in order (repeats kept). */
  readonly run_names: readonly string[] | null;
}

const AGGREGATE_LABELS: Readonly<Record<AggregationStrategy, readonly [label: string, column: string, lowerIsBetter: string]>> = {
  win_rate: ['Mean win rate', 'mean_win_rate', 'false'],
  // HELM gives "Mean score" the direction of the table's first header, the "Model" column: none (so never bold).
  mean: ['Mean score', 'mean_score', 'NULL'],
};

const inList = (items: readonly string[]): string => items.map((s) => `'${s}'`).join(', ');

/** The query of one group table; its result is `GroupTableCellRow`s ordered by row, then column. */
export function groupTableSql(query: GroupTableQuery): string {
  const rows = valuesCte(
    'table_rows',
    [['row_index', 'INTEGER'], ['row_label', 'VARCHAR'], ['model', 'VARCHAR']],
    query.rows.map((row, i) => [i + 1, row.label, row.model]),
  );
  const rowRuns = valuesCte(
    'row_runs',
    [['row_index', 'INTEGER'], ['position', 'INTEGER'], ['run_name', 'VARCHAR']],
    query.rows.flatMap((row, i) => row.runs.map((run, j) => [i + 1, j + 1, run])),
  );
  const columns = valuesCte(
    'table_columns',
    [
      ['column_index', 'INTEGER'], ['column_label', 'VARCHAR'], ['run_group', 'VARCHAR'], ['metric', 'VARCHAR'],
      ['split', 'VARCHAR'], ['sub_split', 'VARCHAR'], ['perturbation_name', 'VARCHAR'], ['lower_is_better', 'BOOLEAN'],
      ['task_all_only', 'BOOLEAN'],
    ],
    query.columns.map((c) => [
      c.index, c.label, c.runGroup, c.matcher.name, c.matcher.split, c.matcher.sub_split, c.matcher.perturbation_name,
      c.lowerIsBetter, c.isTaskAllOnly,
    ]),
  );
  const aggregates = query.aggregates.map(({ index, strategy }) => {
    const [label, column, lowerIsBetter] = AGGREGATE_LABELS[strategy];
    return `  UNION ALL BY NAME
  SELECT row_index, row_label, ${index} AS column_index, '${label}' AS column_label, ${lowerIsBetter}::BOOLEAN AS lower_is_better,
    ${column} AS value FROM row_aggregates`;
  });
  return `-- groups/${query.groupName}.json, table '${query.title.replaceAll('\n', ' ')}' (HELM 0.5.16 summarize.py create_group_table).
-- Rows are models (runs pooled by coarse adapter spec); each metric column reads one stat of one run group. A cell
-- merges, over the row's runs that belong to the column's group, each run's one stat matching the column (its
-- sub-splits merged first), as HELM merges Stats: value = sum / count, the mean of the runs' means.
WITH
${rows},
-- the runs of each row, in HELM's order; a run listed twice (it is in two subgroups) counts twice, as in HELM
${rowRuns},
${columns},
-- the names a column reads: its metric, and exact_match where a run lacks quasi_exact_match (HELM's fallback)
column_metrics AS (
  SELECT column_index, metric AS metric_name, true AS is_main_name FROM table_columns
  UNION ALL
  SELECT column_index, 'exact_match', false FROM table_columns WHERE metric = 'quasi_exact_match'
),
cell_runs AS (
  -- the row's runs that name the column's run group (bAbI aggregate columns: only its task=all runs)
  SELECT c.column_index, rr.row_index, rr.position, rr.run_name
  FROM row_runs rr
  JOIN runs r ON r.run_name = rr.run_name
  JOIN table_columns c ON list_contains(r.groups, c.run_group)
  WHERE NOT c.task_all_only OR contains(rr.run_name, 'task=all')
),
matching_stats AS (
  -- MetricNameMatcher.matches: the name; the split unless __all__; the sub-split if the column has one; the
  -- perturbation's name (none = none); of a perturbed stat only its worst case
  SELECT cr.column_index, cr.row_index, cr.position, cr.run_name, m.is_main_name,
    concat_ws(' ', s.split, s.perturbation::VARCHAR) AS stat_key, s.count, s.sum, s.min, s.max
  FROM cell_runs cr
  JOIN table_columns c ON c.column_index = cr.column_index
  JOIN column_metrics m ON m.column_index = cr.column_index
  JOIN stats s ON s.run_name = cr.run_name AND s.metric_name = m.metric_name
  WHERE (c.split = '__all__' OR s.split = c.split)
    AND (c.sub_split IS NULL OR s.sub_split = c.sub_split)
    AND s.perturbation_name IS NOT DISTINCT FROM c.perturbation_name
    AND (s.perturbation IS NULL OR s.computed_on = 'worst')
  QUALIFY is_main_name OR NOT bool_or(is_main_name) OVER (PARTITION BY cr.column_index, cr.row_index, cr.position)
),
run_stats AS (
  -- one stat per cell run: its matching stats merged across sub-splits (HELM requires them to share one name)
  SELECT column_index, row_index, position, any_value(run_name) AS run_name,
    min(stat_key) <> max(stat_key) AS has_several_stats,
    sum(count) AS count, sum(sum) AS sum, min(min) AS min, max(max) AS max
  FROM matching_stats
  GROUP BY column_index, row_index, position
),
cell_stats AS (
  -- each cell's runs merged: count, sum, min, max of the merged Stat
  SELECT cr.row_index, cr.column_index, count(*) AS num_runs, count(rs.position) AS num_matched_runs,
    bool_or(rs.has_several_stats) AS has_several_stats,
    sum(rs.count)::BIGINT AS count, sum(rs.sum) AS sum, min(rs.min) AS min, max(rs.max) AS max,
    list(rs.run_name ORDER BY cr.position) FILTER (WHERE rs.run_name IS NOT NULL) AS run_names
  FROM cell_runs cr
  LEFT JOIN run_stats rs ON rs.column_index = cr.column_index AND rs.row_index = cr.row_index AND rs.position = cr.position
  GROUP BY cr.row_index, cr.column_index
),
metric_cells AS MATERIALIZED (
  SELECT t.row_index, t.row_label, c.column_index, c.column_label, c.lower_is_better,
    coalesce(s.num_runs, 0) AS num_runs, coalesce(s.num_matched_runs, 0) AS num_matched_runs, s.has_several_stats,
    s.count, s.sum, s.min, s.max, s.run_names,
    -- HELM hides these metrics of these models (Summarizer.LOGPROBS_ISSUE_MODELS, LOGPROBS_ISSUE_METRICS)
    t.model IN (${inList(LOGPROBS_ISSUE_MODELS)}) AS is_logprobs_issue_model,
    c.metric IN (${inList(LOGPROBS_ISSUE_METRICS)}) AS is_logprobs_issue_metric,
    CASE WHEN s.count > 0 AND NOT (is_logprobs_issue_model AND is_logprobs_issue_metric) THEN s.sum / s.count END AS value
  FROM table_rows t
  CROSS JOIN table_columns c
  LEFT JOIN cell_stats s ON s.row_index = t.row_index AND s.column_index = c.column_index
),
${winRateCtes('metric_cells', 'table_rows')},
all_cells AS (
  SELECT row_index, row_label, column_index, column_label, lower_is_better, value, num_runs, num_matched_runs,
    has_several_stats, count, sum, min, max, run_names
  FROM metric_cells
${aggregates.join('\n')}
)
-- the best value of each column with a direction is bold
SELECT row_index, column_index, row_label, column_label AS "column", value,
  coalesce(lower_is_better IS NOT NULL AND value = CASE WHEN lower_is_better THEN min(value) OVER by_column
    ELSE max(value) OVER by_column END, false) AS bold,
  num_runs, num_matched_runs, has_several_stats, count, sum, min, max, run_names
FROM all_cells
WINDOW by_column AS (PARTITION BY column_index)
ORDER BY row_index, column_index`;
}
