import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helmJson } from '../../core/helm-json.ts';
import { UserError } from '../../core/errors.ts';
import { indexTables } from './group-index-tables.ts';
import { helmJsonDiffs } from './group-json-diff.ts';
import { groupsMetadata } from './group-metadata.ts';
import type { SqlTable } from './group-table.ts';
import { groupTables } from './group-tables.ts';
import type { HelmSchema } from './helm-schema-types.ts';
import { readSchema } from './helm-schema.ts';
import { openHelmSuite, type HelmSuite } from './helm-suite-source.ts';
import { tableHelmRecord, withTableFileLinks } from './table-files.ts';
import type { Table } from './table.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const GOLDEN = join(HERE, '../../../shared/golden/helm-0.5.16/oracle-suite-small/helm');
const FIXTURE = join(HERE, '__fixtures__/groups');
const SLOW = 60_000; // DuckDB runs one query per table; generous for a loaded CI machine

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
/** Our tables as HELM writes groups/<group>.json: LaTeX and JSON links appended, None dropped. */
const asHelmJson = (group: string, tables: readonly SqlTable[], groupsHref: string): unknown =>
  JSON.parse(helmJson(tables.map(({ table }) => tableHelmRecord(withTableFileLinks(table, group, groupsHref)))));
/** groups.json as HELM writes it; the 'Adaptation method' cells (a Python set's join) sorted on both sides. */
const sortMethods = (tables: unknown): unknown =>
  (tables as { rows: { value?: string }[][] }[]).map((t) => ({
    ...t,
    rows: t.rows.map((row) => row.map((cell, i) => (i === 2 ? { ...cell, value: cell.value?.split(', ').sort().join(', ') } : cell))),
  }));

interface Made {
  readonly suite: HelmSuite;
  readonly schema: HelmSchema;
  readonly groups: Map<string, readonly SqlTable[]>;
  readonly warnings: string[];
}

async function make(suiteDir: string, schemaPath: string, models: readonly { name: string; display_name: string }[]): Promise<Made> {
  const suite = await openHelmSuite(suiteDir, { config: { threads: '1' } });
  const schema = readSchema(schemaPath);
  const warnings: string[] = [];
  const groups = new Map<string, readonly SqlTable[]>();
  for await (const { group, tables } of groupTables({ connection: suite.connection, schema, models, warn: (m) => warnings.push(m) })) {
    groups.set(group.name, tables);
  }
  return { suite, schema, groups, warnings };
}

describe('group tables of the golden oracle suite (HELM 0.5.16 helm-summarize)', () => {
  // HELM's get_all_models() order: prod_env/model_metadata.yaml lists legacy-b before chat-c.
  const models = [
    { name: 'oracle/legacy-b', display_name: 'Oracle legacy B' },
    { name: 'oracle/chat-c', display_name: 'Oracle chat C' },
  ];
  let made: Made;
  beforeAll(async () => {
    made = await make(GOLDEN, join(GOLDEN, 'schema.json'), models);
  }, SLOW);
  afterAll(() => made?.suite.close());

  const files = readdirSync(join(GOLDEN, 'groups')).filter((f) => f.endsWith('.json')).sort();

  it('makes a groups file for exactly the groups HELM wrote', () => {
    expect([...made.groups.keys()].map((g) => `${g}.json`).sort()).toEqual(files);
  });

  it.each(files)('groups/%s equals HELM: titles, headers, rows, cells, bold, links, names', (file) => {
    const group = file.replace(/\.json$/, '');
    const ours = asHelmJson(group, made.groups.get(group) ?? [], 'benchmark_output/runs/golden/groups');
    expect(helmJsonDiffs(ours, readJson(join(GOLDEN, 'groups', file)), file)).toEqual([]);
  });

  it("has HELM's mean win rates and bold best cells (core_scenarios, Accuracy)", () => {
    const table = made.groups.get('core_scenarios')![0]!.table;
    expect(table.header.slice(0, 3).map((h) => h.value)).toEqual(['Model', 'Mean win rate', 'MMLU - EM']);
    expect(table.rows.map((row) => row.slice(0, 3).map((c) => [c.value, c.style?.['font-weight'] ?? null]))).toEqual([
      [['Oracle legacy B', null], [1, 'bold'], [0.5, 'bold']],
      [['Oracle chat C', null], [0, null], [0, null]],
    ]);
    expect(table.rows[0]![3]).toEqual({ value: null, description: 'No matching runs', markdown: false });
  });

  it('groups.json and groups_metadata.json equal HELM', async () => {
    const index = await indexTables({ connection: made.suite.connection, schema: made.schema, models });
    const ours = JSON.parse(helmJson(index.map(({ table }) => tableHelmRecord(table))));
    expect(helmJsonDiffs(sortMethods(ours), sortMethods(readJson(join(GOLDEN, 'groups.json'))), 'groups.json')).toEqual([]);
    expect(helmJsonDiffs(groupsMetadata(made.schema), readJson(join(GOLDEN, 'groups_metadata.json')), 'groups_metadata.json')).toEqual([]);
  });

  it("each table's SQL reruns alone against a results.duckdb holding runs and stats, giving the table's numbers", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'group-sql-'));
    const dbPath = join(dir, 'results.duckdb');
    try {
      await made.suite.connection.run(`ATTACH '${dbPath}' AS results`);
      await made.suite.connection.run('CREATE TABLE results.runs AS FROM runs; CREATE TABLE results.stats AS FROM stats; DETACH results');
      const db = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
      const connection = await db.connect();
      try {
        for (const [group, tables] of made.groups) {
          const { table, sql } = tables[0]!;
          const cells = (await connection.runAndReadAll(sql)).getRowObjectsJS();
          const values = cells.map((c) => [Number(c['row_index']), Number(c['column_index']), c['value'] ?? null, c['bold']]);
          const expected = table.rows.flatMap((row, r) =>
            row.slice(1).map((cell, c) => [r + 1, c + 1, cell.value, cell.style?.['font-weight'] === 'bold']),
          );
          expect([group, values]).toEqual([group, expected]);
        }
      } finally {
        connection.closeSync();
        db.closeSync();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, SLOW);
});

describe('group tables of the fixture suite (rules the golden does not reach; expected files from HELM 0.5.16)', () => {
  // Built-in models come first in get_all_models(); prod_env's follow in file order.
  const models = [
    { name: 'meta/llama-7b', display_name: 'LLaMA (7B)' },
    { name: 'fix/gamma', display_name: 'Gamma' },
    { name: 'fix/alpha', display_name: 'Alpha' },
    { name: 'fix/beta', display_name: 'Beta' },
  ];
  const HELM = join(FIXTURE, 'helm');
  let made: Made;
  beforeAll(async () => {
    made = await make(join(FIXTURE, 'suite'), join(FIXTURE, 'schema.yaml'), models);
  }, SLOW);
  afterAll(() => made?.suite.close());

  const files = readdirSync(join(HELM, 'groups')).filter((f) => f.endsWith('.json')).sort();
  const cellsOf = (table: Table, column: string) => {
    const i = table.header.findIndex((h) => h.value === column);
    return table.rows.map((row) => [row[0]!.value, row[i]!.value, row[i]!.description ?? null]);
  };

  it('makes a groups file for exactly the groups HELM wrote', () => {
    expect([...made.groups.keys()].map((g) => `${g}.json`).sort()).toEqual(files);
  });

  it.each(files)('groups/%s equals HELM', (file) => {
    const group = file.replace(/\.json$/, '');
    const ours = asHelmJson(group, made.groups.get(group) ?? [], 'benchmark_output/runs/fixture/groups');
    expect(helmJsonDiffs(ours, readJson(join(HELM, 'groups', file)), file)).toEqual([]);
  });

  it('counts a run once per subgroup naming it, hides LLaMA calibration, falls back to exact_match, sorts unknown deployments first', () => {
    const [accuracy, , calibration] = made.groups.get('leaderboard')!.map((t) => t.table);
    expect(cellsOf(accuracy!, 'AT - QEM')).toEqual([
      ['fix/unknown', 0.375005, 'min=0.0, mean=0.375, max=1, sum=1.5 (4)'],
      ['Alpha', 0.325, 'min=0.1, mean=0.325, max=0.667, sum=1.3 (4)'], // host/alpha serves fix/alpha
      ['LLaMA (7B)', 0.09375, 'min=0, mean=0.094, max=0.25, sum=0.375 (4)'],
      ['Gamma', 0.40625, 'min=0, mean=0.406, max=1, sum=3.25 (8)'],
      ['Alpha', 0.7166666666666667, 'min=0.5, mean=0.717, max=0.9, sum=4.3 (6)'], // x=2 has only exact_match
      ['Beta', 0.5833333333333334, 'min=0.5, mean=0.583, max=1, sum=7 (12)'], // combo (alpha and beta task) twice
    ]);
    expect(cellsOf(calibration!, 'AT - ECE (10-bin)')[2]).toEqual(['LLaMA (7B)', null, 'min=0.05, mean=0.05, max=0.05, sum=0.05 (1)']);
  });

  it('writes "N matching runs, but no matching metrics", ties win rates and bolds the lowest of a lower-is-better column', () => {
    const errors = made.groups.get('leaderboard')![1]!.table;
    expect(cellsOf(errors, 'AT - Score')[5]).toEqual(['Beta', null, '3 matching runs, but no matching metrics']);
    expect(errors.rows.map((row) => [row[1]!.value, row[2]!.style?.['font-weight'] ?? null])).toEqual([
      [null, null], [0.625, null], [0, null], [0.625, null], [0.5, 'bold'], [0.5, null],
    ]);
  });

  it('groups.json and groups_metadata.json equal HELM', async () => {
    const index = await indexTables({ connection: made.suite.connection, schema: made.schema, models });
    const ours = JSON.parse(helmJson(index.map(({ table }) => tableHelmRecord(table))));
    expect(helmJsonDiffs(ours, readJson(join(HELM, 'groups.json')), 'groups.json')).toEqual([]);
    expect(helmJsonDiffs(groupsMetadata(made.schema), readJson(join(HELM, 'groups_metadata.json')), 'groups_metadata.json')).toEqual([]);
  });

  it('lists the runs merged into each cell with --debug, as HELM', async () => {
    const tables: SqlTable[] = [];
    const context = { connection: made.suite.connection, schema: made.schema, models, debug: true };
    for await (const { group, tables: t } of groupTables(context)) if (group.name === 'beta_task') tables.push(...t);
    const ours = asHelmJson('beta_task', tables, 'benchmark_output/runs/fixture/groups');
    expect(helmJsonDiffs(ours, readJson(join(HELM, 'debug', 'beta_task.json')), 'debug/beta_task.json')).toEqual([]);
  }, SLOW);

  it('stops with a UserError where a column matches two stats of one run (HELM: "Expected 1 item")', async () => {
    const suite = await openHelmSuite(join(FIXTURE, 'suite'), { config: { threads: '1' } });
    try {
      // score at split __all__ now matches combo's test and valid stats
      await suite.connection.run(
        "INSERT INTO stats (run_name, position, metric_name, split, count, sum, min, max) VALUES ('combo:model=fix_beta', 999, 'score', 'test', 1, 0.5, 0.5, 0.5)",
      );
      const only = { ...made.schema, run_groups: made.schema.run_groups.filter((g) => g.name === 'beta_task') };
      const run = async () => {
        for await (const _ of groupTables({ connection: suite.connection, schema: only, models })) void _;
      };
      await expect(run()).rejects.toThrow(UserError);
      await expect(run()).rejects.toThrow(/Column 'Score' of table 'beta_task_' \(group 'beta_task'\) matches several stats of one run among combo:model=fix_beta/);
    } finally {
      suite.close();
    }
  }, SLOW);

  it("refuses the mean score of columns that disagree on lower_is_better, as HELM's compute_aggregate_row_means", async () => {
    const schema: HelmSchema = {
      ...made.schema,
      metric_groups: made.schema.metric_groups.map((g) =>
        g.name === 'scores' ? { ...g, metrics: [...g.metrics, { name: 'error_rate', split: '${main_split}' }] } : g,
      ),
      run_groups: made.schema.run_groups
        .filter((g) => g.name === 'leaderboard' || g.name === 'beta_task')
        .map((g) => (g.name === 'leaderboard' ? { ...g, subgroups: ['beta_task'] } : g)),
    };
    const run = async () => {
      for await (const _ of groupTables({ connection: made.suite.connection, schema, models })) void _;
    };
    await expect(run()).rejects.toThrow(/Table 'scores' of group 'leaderboard' asks for the 'mean' aggregation, but its columns do not agree on lower_is_better/);
  }, SLOW);
});
