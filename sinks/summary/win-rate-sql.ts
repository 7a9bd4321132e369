/**
 * @module The row aggregates of a group table as SQL CTEs (HELM `summarize.py` `compute_aggregate_row_win_rates` with
 * aggregation "mean", and `compute_aggregate_row_means`), over a CTE of metric cells
 * `(row_index, column_index, lower_is_better, value)` and one of rows `(row_index, row_label)`.
 */

/**
 * CTEs `win_rates` and `row_aggregates(row_index, row_label, mean_win_rate, mean_score)`.
 *
 * Win rate: in a column whose direction is known (`lower_is_better` not NULL) and that has at least two values, a
 * value wins against every worse value and half of the other values equal to it, out of the other values:
 * `(values worse + (values equal − 1) / 2) / (values − 1)`; `rank()` counted from the worst value gives
 * `values worse + 1`. A row's mean win rate is the mean over the columns where it has such a value (NULL if none).
 * Mean score: the mean of the row's non-NULL metric cells, whatever their direction.
 * @example `WITH …, metric_cells AS (…), ${winRateCtes('metric_cells', 'table_rows')} SELECT …`
 */
export const winRateCtes = (metricCells: string, rows: string): string => `win_rates AS (
  -- compute_aggregate_row_win_rates: per column with a direction, (worse values + (equal values - 1) / 2) / (values - 1)
  SELECT row_index, column_index, num_values,
    CASE WHEN num_values >= 2 THEN (worse_values + (equal_values - 1) / 2) / (num_values - 1) END AS win_rate
  FROM (
    SELECT row_index, column_index,
      count(*) OVER by_column AS num_values,
      count(*) OVER same_value AS equal_values,
      rank() OVER worst_first - 1 AS worse_values
    FROM ${metricCells}
    WHERE value IS NOT NULL AND lower_is_better IS NOT NULL
    WINDOW by_column AS (PARTITION BY column_index),
      same_value AS (PARTITION BY column_index, value),
      worst_first AS (PARTITION BY column_index ORDER BY CASE WHEN lower_is_better THEN -value ELSE value END))
),
row_aggregates AS (
  -- a row's mean win rate over the columns with at least 2 values; its mean score over its non-NULL cells
  SELECT t.row_index, t.row_label, w.mean_win_rate, m.mean_score
  FROM ${rows} t
  LEFT JOIN (SELECT row_index, avg(win_rate) AS mean_win_rate FROM win_rates WHERE num_values >= 2 GROUP BY row_index) w
    ON w.row_index = t.row_index
  LEFT JOIN (SELECT row_index, avg(value) AS mean_score FROM ${metricCells} WHERE value IS NOT NULL GROUP BY row_index) m
    ON m.row_index = t.row_index
)`;
