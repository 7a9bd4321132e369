/**
 * @module One group table (HELM `summarize.py` `create_group_table`, `create_cell`): its structure (header, row
 * labels, links) from the schema and the runs' specs, its numbers from one SQL query, returned with the table.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { UserError } from '../../core/errors.ts';
import { bareStr } from './cell-description.ts';
import { tableColumns, type TableColumn } from './group-columns.ts';
import { benchmarkingUrl, pythonJsonList } from './group-python-text.ts';
import { tableRows, type ModelLookup, type PooledRuns, type TableRow } from './group-rows.ts';
import { groupTableSql, type GroupTableCellRow } from './group-table-sql.ts';
import type { AggregationStrategy, HelmSchema, RunGroup } from './helm-schema-types.ts';
import type { Cell, HeaderCell, Hyperlink, Table } from './table.ts';

/** A table with the SQL its numbers came from ('' for a table without numbers). */
export interface SqlTable {
  readonly table: Table;
  readonly sql: string;
}

/** What every table of a suite shares. */
export interface GroupTableContext extends ModelLookup {
  readonly connection: DuckDBConnection;
  readonly schema: HelmSchema;
  /** HELM's `--debug`: each cell's description also lists the runs merged into it. */
  readonly debug?: boolean;
  /** Told HELM's warnings (a metric missing from the schema, a row of several runs in a scenario table, …). */
  readonly warn?: (message: string) => void;
}

/** One table to make, as HELM's `create_group_table` arguments. */
export interface GroupTableSpec {
  /** The group whose `groups/<group>.json` holds the table (for the SQL's comment). */
  readonly groupName: string;
  readonly name: string;
  readonly title: string;
  /** The runs by coarse adapter spec, in first-seen order (HELM's `adapter_to_runs`). */
  readonly pools: ReadonlyMap<string, PooledRuns>;
  /** A table of one scenario: rows link to their runs and cells do not list them; no win rate. */
  readonly isScenarioTable: boolean;
  /** (run group, metric group) pairs. */
  readonly columns: readonly (readonly [RunGroup, string])[];
  readonly subSplit?: string;
  readonly aggregationStrategies?: readonly AggregationStrategy[];
}

const MODEL_HEADER: HeaderCell = { value: 'Model', markdown: false, metadata: {} };
const AGGREGATE_HEADERS: Readonly<Record<AggregationStrategy, HeaderCell>> = {
  win_rate: {
    value: 'Mean win rate',
    description: 'How many models this model outperforms on average (over columns).',
    markdown: false,
    lower_is_better: false,
    metadata: {},
  },
  mean: { value: 'Mean score', description: 'The mean of the scores from all columns.', markdown: false, metadata: {} },
};
const BOLD = { 'font-weight': 'bold' } as const;

/** HELM's `compute_aggregate_row_means` refuses columns of different directions (and a table without columns). */
function checkMeanScore(spec: GroupTableSpec, columns: readonly TableColumn[]): void {
  const directions = new Set(columns.map((c) => c.header.lower_is_better ?? null));
  if (directions.size !== 1) {
    throw new UserError(
      `Table '${spec.name}' of group '${spec.groupName}' asks for the 'mean' aggregation, but its columns ` +
        `${columns.length === 0 ? 'are none' : 'do not agree on lower_is_better'} (HELM: "Cannot mean columns with different ` +
        "values for lower_is_better\"). Give the metric group's metrics one direction, or drop 'mean' from its aggregation_strategies.",
    );
  }
}

const toNumber = (x: unknown): number | null => (x === null || x === undefined ? null : Number(x));

/** Reads the query's cells into `GroupTableCellRow`s. */
async function runQuery(connection: DuckDBConnection, sql: string): Promise<GroupTableCellRow[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS().map((r) => ({
    row_index: Number(r['row_index']),
    column_index: Number(r['column_index']),
    row_label: String(r['row_label']),
    column: String(r['column']),
    value: toNumber(r['value']),
    bold: r['bold'] === true,
    num_runs: toNumber(r['num_runs']),
    num_matched_runs: toNumber(r['num_matched_runs']),
    has_several_stats: r['has_several_stats'] === true,
    count: toNumber(r['count']),
    sum: toNumber(r['sum']),
    min: toNumber(r['min']),
    max: toNumber(r['max']),
    run_names: Array.isArray(r['run_names']) ? (r['run_names'] as unknown[]).map(String) : null,
  }));
}

/** A metric cell as HELM's `create_cell` makes it, from the query's row. */
function metricCell(cell: GroupTableCellRow, spec: GroupTableSpec, context: GroupTableContext, column: TableColumn): Cell {
  const numRuns = cell.num_runs ?? 0;
  if (numRuns === 0) return { value: null, description: 'No matching runs', markdown: false };
  if ((cell.num_matched_runs ?? 0) === 0) {
    return { value: null, description: `${numRuns} matching runs, but no matching metrics`, markdown: false };
  }
  if (cell.has_several_stats === true) {
    // HELM's get_unique_stat_by_matcher: singleton() raises on several stats (e.g. split __all__ over two splits).
    throw new UserError(
      `Column '${column.header.value}' of table '${spec.name}' (group '${spec.groupName}') matches several stats of one run ` +
        `among ${cell.run_names?.join(', ')}: the matcher ${JSON.stringify(column.matcher)} must pick one stat per run ` +
        '(HELM stops with "Expected 1 item"). Give the matcher a split, sub_split or perturbation_name.',
    );
  }
  const names = cell.run_names ?? [];
  let description = bareStr({ count: cell.count ?? 0, sum: cell.sum ?? 0, min: cell.min, max: cell.max });
  if (context.debug === true) description += ['\nRun specs:', ...names].join('\n-- ');
  const style = cell.bold ? BOLD : {};
  const base = { value: cell.value, description, style, markdown: false };
  return spec.isScenarioTable ? base : { ...base, run_spec_names: [...new Set(names)] };
}

/** An aggregate cell (`Cell(value)`, bold when best). */
const aggregateCell = (cell: GroupTableCellRow): Cell =>
  cell.bold ? { value: cell.value, style: BOLD, markdown: false } : { value: cell.value, markdown: false };

/** The row's label cell: in a scenario table it links to the row's runs. */
function labelCell(row: TableRow, spec: GroupTableSpec, url: (names: readonly string[]) => string): Cell {
  if (!spec.isScenarioTable) return { value: row.label, description: '', markdown: false };
  const names = row.runs.map((run) => run.name);
  return { value: row.label, description: '', href: url(names), markdown: false, run_spec_names: names };
}

/**
 * Makes one group table and runs its query: header "Model", then the aggregate columns (mean win rate, mean score),
 * then the metric columns; one row per coarse adapter spec in model order; each metric cell HELM's mean of the
 * merged stat with `Stat.bare_str()` as description ("No matching runs", "N matching runs, but no matching metrics"
 * when empty); the best value of each column with a direction in bold; a scenario table of 2 to 5 runs links
 * "compare all". The LaTeX and JSON links are the writer's (`withTableFileLinks`).
 * @example const { table, sql } = await createGroupTable(context, { groupName: 'mmlu', name, title, pools, … });
 */
export async function createGroupTable(context: GroupTableContext, spec: GroupTableSpec): Promise<SqlTable> {
  if (spec.columns.length === 0 || spec.pools.size === 0) {
    context.warn?.(`table ${spec.title}, has no rows or columns, leaving empty`);
    return { table: { title: 'empty', header: [], rows: [], links: [] }, sql: '' };
  }
  const warn = context.warn ?? (() => {});
  const columns = tableColumns(context.schema, spec.columns, spec.subSplit === undefined ? { warn } : { warn, subSplit: spec.subSplit });
  const strategies = spec.aggregationStrategies ?? [];
  if (strategies.includes('mean')) checkMeanScore(spec, columns);
  const rows = tableRows(spec.pools, context);
  const linkGroup = spec.columns[0]![0].name;
  const url = (names: readonly string[]) =>
    benchmarkingUrl({ group: linkGroup, subgroup: spec.title, runSpecs: pythonJsonList(names) });
  const firstMetric = strategies.length + 1;
  const sql = groupTableSql({
    groupName: spec.groupName,
    title: spec.title,
    rows: rows.map((row) => ({ label: row.label, model: row.model, runs: row.runs.map((run) => run.name) })),
    columns: columns.map((c, i) => ({
      index: firstMetric + i,
      label: String(c.header.value),
      runGroup: c.runGroup,
      matcher: c.matcher,
      lowerIsBetter: c.header.lower_is_better ?? null,
      // HELM: bAbI columns outside a table of one bAbI task read only the task=all runs.
      isTaskAllOnly: c.runGroup.includes('babi') && !spec.name.includes('task:'),
    })),
    aggregates: strategies.map((strategy, i) => ({ index: i + 1, strategy })),
  });
  const cells = await runQuery(context.connection, sql);
  const tableCells: Cell[][] = rows.map((row) => [labelCell(row, spec, url)]);
  for (const cell of cells) {
    const column = columns[cell.column_index - firstMetric];
    const made = column === undefined ? aggregateCell(cell) : metricCell(cell, spec, context, column);
    tableCells[cell.row_index - 1]!.push(made);
  }
  return { table: { title: spec.title, header: headerOf(strategies, columns), rows: tableCells, links: linksOf(spec, url, warn), name: spec.name }, sql };
}

const headerOf = (strategies: readonly AggregationStrategy[], columns: readonly TableColumn[]): HeaderCell[] => [
  MODEL_HEADER,
  ...strategies.map((s) => AGGREGATE_HEADERS[s]),
  ...columns.map((c) => c.header),
];

/** "compare all" for a scenario table of 2 to 5 runs (in pool order, as HELM lists them). */
function linksOf(spec: GroupTableSpec, url: (names: readonly string[]) => string, warn: (message: string) => void): Hyperlink[] {
  if (!spec.isScenarioTable) return [];
  const names: string[] = [];
  for (const pool of spec.pools.values()) {
    if (pool.runs.length > 1) {
      warn(`table row corresponding to adapter spec ${JSON.stringify(pool.coarseSpec)} has ${pool.runs.length} > 1 runs: ${pool.runs.map((r) => r.name).join(', ')}`);
    }
    names.push(...pool.runs.map((run) => run.name));
  }
  return names.length >= 2 && names.length <= 5 ? [{ text: 'compare all', href: url(names) }] : [];
}
