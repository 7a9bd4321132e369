import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { openHelmSuite, type HelmSuite } from './helm-suite-source.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const GOLDEN = join(HERE, '../../../shared/golden/helm-0.5.16/oracle-suite-small/helm');
const RUN_DIRS = [
  'gsm:model=oracle_chat-c',
  'gsm:model=oracle_legacy-b',
  'mmlu:subject=anatomy,method=multiple_choice_joint,model=oracle_chat-c',
  'mmlu:subject=anatomy,method=multiple_choice_joint,model=oracle_legacy-b',
];

const rows = async (connection: DuckDBConnection, sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson();
const columnsOf = async (connection: DuckDBConnection, table: string) =>
  (await rows(connection, `DESCRIBE ${table}`)).map((r) => `${String(r['column_name'])} ${String(r['column_type'])}`);
/** A Stat as HELM's stats.json and per_instance_stats.json write it. */
interface StatJson {
  name: { name: string; split?: string; sub_split?: string; perturbation?: { name: string; computed_on?: string } };
  count: number;
  sum: number;
  min?: number;
  max?: number;
  mean?: number;
  stddev?: number;
}
interface PerInstanceStatsJson {
  instance_id: string;
  stats: StatJson[];
}
const readJson = <T = { name: string }>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

describe('openHelmSuite on the golden suite HELM wrote', () => {
  let suite: HelmSuite;
  beforeAll(async () => {
    suite = await openHelmSuite(GOLDEN, { suite: 'golden' });
  });
  afterAll(() => suite?.close());

  it("reads HELM's run directories in HELM's order", () => {
    expect(suite.runDirs).toEqual(RUN_DIRS);
    expect(suite.skipped).toEqual([]);
  });

  it('presents runs, stats and per_instance_stats with the columns of the results store', async () => {
    expect(await columnsOf(suite.connection, 'runs')).toEqual([
      'run_name VARCHAR', 'suite VARCHAR', 'scenario_class VARCHAR', 'model VARCHAR', 'model_deployment VARCHAR',
      'method VARCHAR', 'max_eval_instances BIGINT', 'num_train_trials BIGINT', 'groups VARCHAR[]', 'run_spec JSON',
      'completed_at TIMESTAMP WITH TIME ZONE', 'num_request_states BIGINT', 'num_failed_requests BIGINT',
    ]);
    const statColumns = [
      'metric_name VARCHAR', 'split VARCHAR', 'sub_split VARCHAR', 'perturbation_name VARCHAR', 'perturbation JSON',
      'computed_on VARCHAR', 'count BIGINT', 'sum DOUBLE', 'sum_squared DOUBLE', 'min DOUBLE', 'max DOUBLE', 'mean DOUBLE',
      'variance DOUBLE', 'stddev DOUBLE',
    ];
    expect(await columnsOf(suite.connection, 'stats')).toEqual(['run_name VARCHAR', 'position BIGINT', ...statColumns]);
    expect(await columnsOf(suite.connection, 'per_instance_stats')).toEqual([
      'run_name VARCHAR', 'position BIGINT', 'stat_index BIGINT', 'instance_id VARCHAR', 'train_trial_index INTEGER',
      'perturbation_name VARCHAR', 'perturbation JSON', ...statColumns.map((c) => c.replace(/^perturbation/, 'stat_perturbation')),
    ]);
  });

  it('has one runs row per run_spec.json, with its fields and the whole RunSpec', async () => {
    const runs = await rows(suite.connection, 'SELECT *, run_spec::VARCHAR AS spec FROM runs ORDER BY run_name');
    expect(runs.map((r) => [r['run_name'], r['suite'], r['model'], r['model_deployment'], r['method'], r['groups']])).toEqual([
      ['gsm:model=oracle_chat-c', 'golden', 'oracle/chat-c', 'oracle/chat-c', 'generation', ['gsm']],
      ['gsm:model=oracle_legacy-b', 'golden', 'oracle/legacy-b', 'oracle/legacy-b', 'generation', ['gsm']],
      ['mmlu:subject=anatomy,method=multiple_choice_joint,model=oracle_chat-c', 'golden', 'oracle/chat-c', 'oracle/chat-c', 'multiple_choice_joint', ['mmlu']],
      ['mmlu:subject=anatomy,method=multiple_choice_joint,model=oracle_legacy-b', 'golden', 'oracle/legacy-b', 'oracle/legacy-b', 'multiple_choice_joint', ['mmlu']],
    ]);
    expect(runs[2]!['scenario_class']).toBe('helm.benchmark.scenarios.mmlu_scenario.MMLUScenario');
    expect([runs[2]!['max_eval_instances'], runs[2]!['num_train_trials'], runs[2]!['completed_at']]).toEqual(['8', '1', null]);
    expect(JSON.parse(String(runs[2]!['spec']))).toEqual(readJson(join(GOLDEN, RUN_DIRS[2]!, 'run_spec.json')));
  });

  it("holds every stat of stats.json, in the file's order, with its name parts and numbers", async () => {
    for (const dir of RUN_DIRS) {
      const name = readJson(join(GOLDEN, dir, 'run_spec.json')).name;
      const expected = readJson<StatJson[]>(join(GOLDEN, dir, 'stats.json')).map((s, i) => [
        i + 1, s.name.name, s.name.split ?? null, s.name.sub_split ?? null, s.name.perturbation?.name ?? null,
        s.name.perturbation?.computed_on ?? null, s.count, s.sum, s.min ?? null, s.max ?? null, s.mean ?? null, s.stddev ?? null,
      ]);
      const ours = (await suite.connection.runAndReadAll(
        `SELECT position, metric_name, split, sub_split, perturbation_name, computed_on, count, sum, min, max, mean, stddev
         FROM stats WHERE run_name = '${name}' ORDER BY position`,
      )).getRowsJS().map((r) => r.map((x) => (typeof x === 'bigint' ? Number(x) : x)));
      expect([dir, ours]).toEqual([dir, expected]);
    }
  });

  it("reads per_instance_stats.json when queried: a row per (entry, stat), positions per file", async () => {
    const counts = await rows(suite.connection, 'SELECT run_name, count(*) AS n, max(position) AS entries FROM per_instance_stats GROUP BY ALL ORDER BY ALL');
    const expected = RUN_DIRS.map((dir) => {
      const entries = readJson<PerInstanceStatsJson[]>(join(GOLDEN, dir, 'per_instance_stats.json'));
      return { run_name: readJson(join(GOLDEN, dir, 'run_spec.json')).name, n: String(entries.reduce((a, e) => a + e.stats.length, 0)), entries: String(entries.length) };
    });
    expect(counts).toEqual(expected);
    const first = readJson<PerInstanceStatsJson[]>(join(GOLDEN, RUN_DIRS[3]!, 'per_instance_stats.json'))[1]!;
    const ours = await rows(
      suite.connection,
      `SELECT instance_id, stat_index, metric_name, sum FROM per_instance_stats
       WHERE run_name = 'mmlu:subject=anatomy,method=multiple_choice_joint,model=oracle_legacy-b' AND position = 2 ORDER BY stat_index LIMIT 2`,
    );
    expect(ours).toEqual(first.stats.slice(0, 2).map((s, i) => ({ instance_id: first.instance_id, stat_index: String(i + 1), metric_name: s.name.name, sum: s.sum })));
  });
});

describe('openHelmSuite reads the directories HELM reads', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'helm-suite-'));
    for (const run of RUN_DIRS.slice(0, 2)) {
      mkdirSync(join(dir, run));
      for (const file of ['run_spec.json', 'stats.json']) cpSync(join(GOLDEN, run, file), join(dir, run, file));
    }
    for (const other of ['eval_cache', 'groups', 'no-stats']) mkdirSync(join(dir, other));
    cpSync(join(GOLDEN, RUN_DIRS[0]!, 'run_spec.json'), join(dir, 'groups', 'run_spec.json'));
    cpSync(join(GOLDEN, RUN_DIRS[0]!, 'stats.json'), join(dir, 'groups', 'stats.json'));
    cpSync(join(GOLDEN, RUN_DIRS[0]!, 'run_spec.json'), join(dir, 'no-stats', 'run_spec.json'));
    writeFileSync(join(dir, 'runs.json'), '[]');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('skips eval_cache, groups and plain files, and a directory without stats.json with HELM\'s warning', async () => {
    const suite = await openHelmSuite(dir);
    try {
      expect(suite.runDirs).toEqual(RUN_DIRS.slice(0, 2));
      expect(suite.skipped).toEqual([
        "no-stats doesn't have run_spec.json or stats.json, skipping (an unfinished run: finish it with the same helm-run " +
          'command and --skip-completed-runs, or move the folder out of the suite)',
      ]);
      expect(await rows(suite.connection, 'SELECT count(*) AS runs, min(suite) AS suite FROM runs')).toEqual([{ runs: '2', suite: basename(dir) }]);
      expect(await rows(suite.connection, 'SELECT count(*) AS n FROM per_instance_stats')).toEqual([{ n: '0' }]);
    } finally {
      suite.close();
    }
  });

  it('fails with a UserError naming the suite for a missing directory or an unreadable stats.json', async () => {
    await expect(openHelmSuite(join(dir, 'nope'))).rejects.toThrow(/The suite directory .*nope does not exist/);
    const broken = mkdtempSync(join(tmpdir(), 'helm-suite-broken-'));
    try {
      cpSync(join(dir, RUN_DIRS[0]!), join(broken, RUN_DIRS[0]!), { recursive: true });
      writeFileSync(join(broken, RUN_DIRS[0]!, 'stats.json'), '[{"name": {"name": "x"}, "count": 1,');
      await expect(openHelmSuite(broken)).rejects.toThrow(UserError);
      await expect(openHelmSuite(broken)).rejects.toThrow(/Could not read the HELM suite at .*helm-suite-broken-.*stats\.json/);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
