/**
 * @module `groups.json` (HELM `summarize.py` `create_index_tables`): one table per run-group category, a row per
 * group with its adaptation methods, instance, reference and token counts over its subgroups' runs, and its number
 * of models; the numbers from one SQL query per table.
 */
import { bareStr } from './cell-description.ts';
import { benchmarkingUrl } from './group-python-text.ts';
import { valuesCte } from './group-sql-values.ts';
import type { SuiteIndex } from './group-suite-runs.ts';
import { loadSuiteIndex } from './group-tables.ts';
import type { GroupTableContext, SqlTable } from './group-table.ts';
import { expandSubgroups, runGroupsByName, visibleRuns } from './group-visibility.ts';
import type { RunGroup } from './helm-schema-types.ts';
import type { Cell, HeaderCell } from './table.ts';

const header = (value: string, description?: string): HeaderCell =>
  description === undefined ? { value, markdown: false, metadata: {} } : { value, description, markdown: false, metadata: {} };

const HEADER: readonly HeaderCell[] = [
  header('Group'),
  header('Description'),
  header('Adaptation method', 'Adaptation strategy (e.g., generation)'),
  header('# instances', 'Number of instances evaluated on'),
  header('# references', 'Number of references provided per instance'),
  header('# prompt tokens', 'Total number of prompt tokens'),
  header('# completion tokens', 'Total number of completion tokens'),
  header('# models', "Number of models we're evaluating"),
];

/** A group's runs as HELM counts them: every run of every subgroup, once per subgroup; `isShown` = visible there. */
function groupRuns(suite: SuiteIndex, groups: ReadonlyMap<string, RunGroup>, group: RunGroup, warn?: (m: string) => void) {
  const out: { name: string; isShown: boolean }[] = [];
  for (const subgroup of expandSubgroups(groups, group)) {
    for (const { runs } of suite.groupAdapterToRuns.get(subgroup.name)?.values() ?? []) {
      // HELM filters by the subgroup's visibility here (by the table's group in the group tables).
      const shown = new Set(visibleRuns(runs, subgroup, groups, warn));
      out.push(...runs.map((run) => ({ name: run.name, isShown: shown.has(run) })));
    }
  }
  return out;
}

/** The query of one category's table: per group, its stats' merged count/sum/min/max, its models and methods. */
function indexTableSql(category: string, rows: readonly RunGroup[], runs: readonly (readonly { name: string; isShown: boolean }[])[]): string {
  return `-- groups.json, table '${category.replaceAll('\n', ' ')}' (HELM 0.5.16 summarize.py create_index_tables).
-- A row per run group: over the runs of the group and its subgroups (a run once per subgroup naming it, as in HELM),
-- the merged num_instances and num_references stats (value: mean) and token counts (value: sum), over the runs
-- visible in each subgroup; the models (deployments) and adaptation methods of all of them.
WITH
${valuesCte('index_rows', [['row_index', 'INTEGER'], ['group_name', 'VARCHAR']], rows.map((g, i) => [i + 1, g.name]))},
${valuesCte(
  'group_runs',
  [['row_index', 'INTEGER'], ['position', 'INTEGER'], ['run_name', 'VARCHAR'], ['is_shown', 'BOOLEAN']],
  runs.flatMap((list, i) => list.map((run, j) => [i + 1, j + 1, run.name, run.isShown])),
)},
stat_columns AS (SELECT * FROM (VALUES
    (3, '# instances', 'num_instances', 'mean'),
    (4, '# references', 'num_references', 'mean'),
    (5, '# prompt tokens', 'num_prompt_tokens', 'sum'),
    (6, '# completion tokens', 'num_completion_tokens', 'sum')
  ) AS v(column_index, column_label, metric_name, aggregate)),
group_stats AS (
  -- every stat of that name, whatever its split, sub-split or perturbation (get_all_stats_by_name)
  SELECT g.row_index, c.column_index, count(*) AS num_stats, sum(s.count)::BIGINT AS count, sum(s.sum) AS sum,
    min(s.min) AS min, max(s.max) AS max
  FROM group_runs g
  JOIN stats s ON s.run_name = g.run_name
  JOIN stat_columns c ON c.metric_name = s.metric_name
  WHERE g.is_shown
  GROUP BY g.row_index, c.column_index
),
group_models AS (
  -- HELM joins a Python set of methods (its order varies between processes); here in order of first appearance
  SELECT row_index, count(DISTINCT model_deployment) AS num_models,
    string_agg(method, ', ' ORDER BY first_position) FILTER (WHERE is_first) AS methods
  FROM (
    SELECT g.row_index, r.model_deployment, r.method,
      g.position = min(g.position) OVER (PARTITION BY g.row_index, r.method) AS is_first, g.position AS first_position
    FROM group_runs g JOIN runs r ON r.run_name = g.run_name)
  GROUP BY row_index
)
SELECT i.row_index, c.column_index, i.group_name AS row_label, c.column_label AS "column",
  CASE WHEN c.aggregate = 'sum' THEN s.sum WHEN s.count > 0 THEN s.sum / s.count END AS value, NULL AS text,
  coalesce(s.num_stats, 0) AS num_stats, s.count, s.sum, s.min, s.max
FROM index_rows i CROSS JOIN stat_columns c
LEFT JOIN group_stats s ON s.row_index = i.row_index AND s.column_index = c.column_index
UNION ALL BY NAME
SELECT i.row_index, 2 AS column_index, i.group_name AS row_label, 'Adaptation method' AS "column",
  coalesce(m.methods, '') AS text
FROM index_rows i LEFT JOIN group_models m ON m.row_index = i.row_index
UNION ALL BY NAME
SELECT i.row_index, 7 AS column_index, i.group_name AS row_label, '# models' AS "column",
  coalesce(m.num_models, 0) AS value
FROM index_rows i LEFT JOIN group_models m ON m.row_index = i.row_index
ORDER BY row_index, column_index`;
}

const toNumber = (x: unknown): number | null => (x === null || x === undefined ? null : Number(x));

/** A stat cell of the index: `Cell(None)` without stats, else the value with `bare_str()`. */
function statCell(r: Record<string, unknown>): Cell {
  if (toNumber(r['num_stats']) === 0) return { value: null, markdown: false };
  const description = bareStr({ count: Number(r['count'] ?? 0), sum: Number(r['sum'] ?? 0), min: toNumber(r['min']), max: toNumber(r['max']) });
  return { value: toNumber(r['value']), description, markdown: false };
}

/**
 * The tables of `groups.json`, one per run-group category (in order of first appearance in the schema), each with
 * its SQL: Group (linking to `?group=`), Description (markdown), Adaptation method (HELM joins a Python set, whose
 * order varies; ours is the order of first appearance), # instances and # references (means), # prompt and # completion tokens (sums),
 * # models (distinct deployments, an int).
 * @example helmJson((await indexTables(context)).map(({ table }) => tableHelmRecord(table)))
 */
export async function indexTables(context: GroupTableContext, suite?: SuiteIndex): Promise<SqlTable[]> {
  const index = suite ?? (await loadSuiteIndex(context));
  const groups = runGroupsByName(context.schema);
  const categories = new Map<string, RunGroup[]>();
  for (const group of context.schema.run_groups) categories.set(group.category, [...(categories.get(group.category) ?? []), group]);
  const tables: SqlTable[] = [];
  for (const [category, members] of categories) {
    const sql = indexTableSql(category, members, members.map((group) => groupRuns(index, groups, group, context.warn)));
    const cells = (await context.connection.runAndReadAll(sql)).getRowObjectsJS();
    const rows: Cell[][] = members.map((group) => [
      { value: group.display_name ?? null, href: benchmarkingUrl({ group: group.name }), markdown: false },
      { value: group.description ?? null, markdown: true },
    ]);
    for (const r of cells) {
      const row = rows[Number(r['row_index']) - 1]!;
      const column = Number(r['column_index']);
      if (column === 2) row.push({ value: String(r['text']), markdown: false });
      else if (column === 7) row.push({ value: Number(r['value']), markdown: false, isInt: true });
      else row.push(statCell(r));
    }
    tables.push({ table: { title: category, header: HEADER, rows, links: [] }, sql });
  }
  return tables;
}
