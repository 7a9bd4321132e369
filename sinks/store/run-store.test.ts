/**
 * The results store: a run's Parquet files (made here from its NDJSON twins, as `--skip-completed-runs` and summarize
 * rebuild a missing store, and segment by segment while a run goes on) and the suite's results.duckdb views over them.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adapterSpec } from '../../core/adapter-spec.ts';
import { UserError } from '../../core/errors.ts';
import { perInstanceStatsJson, requestStateJson } from '../../core/helm-records.ts';
import type { Instance } from '../../core/instance.ts';
import { perturbationDescription } from '../../core/metric-name.ts';
import { PyFloat } from '../../core/py-float.ts';
import { request, type CompletedRequest } from '../../core/request.ts';
import { DEFAULT_DATA_AUGMENTER_SPEC, runDirectoryName, type RunSpec } from '../../core/run-spec.ts';
import { Stat } from '../../core/stat.ts';
import { sqlString } from '../duckdb/open-database.ts';
import { ndjsonFile } from '../ndjson-file.ts';
import { attachSuiteDatabase } from './attach-suite.ts';
import { rebuildRunStore, runNdjsonFiles } from './rebuild-run-store.ts';
import { openRunStoreWriter } from './run-store-writer.ts';
import { runRowParams } from './run-store.ts';
import { ensureSuiteStore, SUITE_DATABASE, withdrawRun } from './suite-store.ts';

const RUN = 'mmlu:subject=anatomy,method=multiple_choice_joint,model=simple_model1';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'run-store-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const runSpec = (name: string, model = 'simple/model1'): RunSpec => ({
  name,
  scenario_spec: { class_name: 'helm.benchmark.scenarios.mmlu_scenario.MMLUScenario', args: { subject: 'anatomy' } },
  adapter_spec: adapterSpec({
    method: 'multiple_choice_joint', model, model_deployment: model, max_eval_instances: 10, temperature: new PyFloat(0),
  }),
  metric_specs: [],
  data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
  groups: ['mmlu', 'knowledge'],
});

const typo = perturbationDescription('typos', { robustness: true }, { prob: new PyFloat(0.1) });
const instance = (id: string, perturbed: boolean): Instance => ({
  input: { text: `Question ${id}?` },
  references: [{ output: { text: 'yes' }, tags: ['correct'] }, { output: { text: 'no' }, tags: [] }],
  split: 'test',
  id,
  ...(perturbed ? { perturbation: typo } : {}),
});
const state = (id: string, perturbed: boolean, result: CompletedRequest['result']): CompletedRequest => ({
  instance: instance(id, perturbed),
  train_trial_index: 0,
  output_mapping: { A: 'yes', B: 'no' },
  request: request({ model: 'simple/model1', model_deployment: 'simple/model1', prompt: `Q ${id}\nAnswer:` }),
  num_train_instances: 5,
  prompt_truncated: false,
  num_conditioning_tokens: 0,
  ...(result === undefined ? {} : { result }),
});
const ok = (text: string, time: number): CompletedRequest['result'] => ({
  success: true, embedding: [], completions: [{ text, logprob: 0, tokens: [] }], cached: true, request_time: time,
});

const suiteDir = () => join(dir, 'runs', 'v1');
const runDirOf = (runName: string) => join(suiteDir(), runDirectoryName(runName));

/** Writes a small run's three NDJSON twins in its run directory: an original, its perturbed copy, a failure, and a dry-run state. */
async function writeRun(runName: string): Promise<ReturnType<typeof runNdjsonFiles>> {
  mkdirSync(runDirOf(runName), { recursive: true });
  const files = runNdjsonFiles(runDirOf(runName));
  const states = ndjsonFile(files.requestStatesNdjson);
  const failed: CompletedRequest['result'] = { success: false, embedding: [], completions: [], cached: false, error: 'x' };
  const all = [state('id1', false, ok(' A', 1.5e-5)), state('id1', true, ok(' B', 2e-5)), state('id2', false, failed),
    state('id3', false, undefined)];
  for (const [seq, s] of all.entries()) await states.write({ seq, run_name: runName, ...requestStateJson(s) });
  await states.close();

  const perInstance = ndjsonFile(files.perInstanceStatsNdjson);
  const em = (value: number, perturbed: boolean): Stat =>
    new Stat({ name: 'exact_match', split: 'test', ...(perturbed ? { perturbation: typo } : {}) }).add(value);
  await perInstance.write({ run_name: runName, ...perInstanceStatsJson({
    instance_id: 'id1', train_trial_index: 0, stats: [em(1, false), new Stat({ name: 'num_references', split: 'test' }).add(2)],
  }) });
  await perInstance.write({ run_name: runName, ...perInstanceStatsJson({
    instance_id: 'id1', perturbation: typo, train_trial_index: 0, stats: [em(0, true)],
  }) });
  await perInstance.close();

  const stats = ndjsonFile(files.statsNdjson);
  const runtime = new Stat({ name: 'inference_runtime', split: 'test' }).add(new PyFloat(1.5e-5)).add(new PyFloat(2e-5));
  await stats.write({ run_name: runName, ...em(1, false).takeMean().toJson() });
  await stats.write({ run_name: runName, ...runtime.toJson() });
  await stats.write({ run_name: runName, ...new Stat({ name: 'exact_match', split: 'valid' }).toJson() });
  await stats.close();
  return files;
}

/** Reads query rows as JS values, in a read-only instance opened and closed around the query. */
async function query(dbPath: string, sql: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
  try {
    const connection = await db.connect();
    const rows = (await connection.runAndReadAll(sql)).getRowObjectsJS();
    connection.closeSync();
    return rows;
  } finally {
    db.closeSync();
  }
}


const dbOf = () => join(suiteDir(), SUITE_DATABASE);
/** Rebuilds the run's store from its twins and makes the suite's views. */
async function storeRun(runName: string, model = 'simple/model1'): Promise<void> {
  await writeRun(runName);
  await rebuildRunStore(runDirOf(runName), runSpec(runName, model), 'v1');
  await ensureSuiteStore(suiteDir(), { trustMark: true });
}
const counts = () => query(dbOf(), `SELECT r.run_name, r.model, r.num_failed_requests,
    (SELECT count(*) FROM request_states s WHERE s.run_name = r.run_name) AS states,
    (SELECT count(*) FROM per_instance_stats s WHERE s.run_name = r.run_name) AS pis,
    (SELECT count(*) FROM stats s WHERE s.run_name = r.run_name) AS stats
  FROM runs r ORDER BY r.run_name`);

describe('a run in the results store', () => {
  it('holds request states, long per-instance stats, stats and the runs row, typed, queried through results.duckdb', async () => {
    await storeRun(RUN);
    expect(readdirSync(join(runDirOf(RUN), 'store')).sort()).toEqual(['instance_index.parquet', 'per_instance_stats', 'request_states', 'runs.parquet', 'stats.parquet']);
    expect(await query(dbOf(), 'SELECT * EXCLUDE (state) FROM request_states ORDER BY seq')).toEqual([
      { run_name: RUN, seq: 0n, train_trial_index: 0, instance_id: 'id1', split: 'test', sub_split: null,
        perturbation_name: null, perturbation: null, reference_index: null, request_mode: null, prompt: 'Q id1\nAnswer:',
        completion: ' A', success: true, cached: true, request_time: 1.5e-5, num_train_instances: 5, prompt_truncated: false },
      { run_name: RUN, seq: 1n, train_trial_index: 0, instance_id: 'id1', split: 'test', sub_split: null,
        perturbation_name: 'typos', perturbation: '{"name":"typos","robustness":true,"fairness":false,"computed_on":"perturbed","prob":0.1}',
        reference_index: null, request_mode: null, prompt: 'Q id1\nAnswer:', completion: ' B', success: true, cached: true,
        request_time: 2e-5, num_train_instances: 5, prompt_truncated: false },
      { run_name: RUN, seq: 2n, train_trial_index: 0, instance_id: 'id2', split: 'test', sub_split: null,
        perturbation_name: null, perturbation: null, reference_index: null, request_mode: null, prompt: 'Q id2\nAnswer:',
        completion: null, success: false, cached: false, request_time: null, num_train_instances: 5, prompt_truncated: false },
      { run_name: RUN, seq: 3n, train_trial_index: 0, instance_id: 'id3', split: 'test', sub_split: null,
        perturbation_name: null, perturbation: null, reference_index: null, request_mode: null, prompt: 'Q id3\nAnswer:',
        completion: null, success: null, cached: null, request_time: null, num_train_instances: 5, prompt_truncated: false },
    ]);
    const [full] = await query(dbOf(), "SELECT state->>'$.output_mapping.B' AS b, state->'$.instance.references[0].tags' AS tags FROM request_states WHERE seq = 0");
    expect(full).toEqual({ b: 'no', tags: '["correct"]' });

    expect(await query(dbOf(), `SELECT position, stat_index, instance_id, perturbation_name, metric_name, split,
        stat_perturbation_name, computed_on, count, sum, sum_squared, min, max, mean, variance, stddev
      FROM per_instance_stats ORDER BY position, stat_index`)).toEqual([
      { position: 1n, stat_index: 1n, instance_id: 'id1', perturbation_name: null, metric_name: 'exact_match', split: 'test',
        stat_perturbation_name: null, computed_on: null, count: 1n, sum: 1, sum_squared: 1, min: 1, max: 1, mean: 1, variance: 0, stddev: 0 },
      { position: 1n, stat_index: 2n, instance_id: 'id1', perturbation_name: null, metric_name: 'num_references', split: 'test',
        stat_perturbation_name: null, computed_on: null, count: 1n, sum: 2, sum_squared: 4, min: 2, max: 2, mean: 2, variance: 0, stddev: 0 },
      { position: 2n, stat_index: 1n, instance_id: 'id1', perturbation_name: 'typos', metric_name: 'exact_match', split: 'test',
        stat_perturbation_name: 'typos', computed_on: 'perturbed', count: 1n, sum: 0, sum_squared: 0, min: 0, max: 0, mean: 0, variance: 0, stddev: 0 },
    ]);

    const stats = await query(dbOf(), 'SELECT position, metric_name, split, count, sum, sum_squared, min, max, mean, variance FROM stats ORDER BY position');
    expect(stats[0]).toEqual({ position: 1n, metric_name: 'exact_match', split: 'test', count: 1n, sum: 1, sum_squared: 1, min: 1, max: 1, mean: 1, variance: 0 });
    expect(stats[1]).toMatchObject({ metric_name: 'inference_runtime', count: 2n, sum: 1.5e-5 + 2e-5, min: 1.5e-5, max: 2e-5 });
    expect(stats[1]!['mean']).toBeCloseTo(1.75e-5, 15);
    expect(stats[2]).toEqual({ position: 3n, metric_name: 'exact_match', split: 'valid', count: 0n, sum: 0, sum_squared: 0,
      min: null, max: null, mean: null, variance: null });

    const [run] = await query(dbOf(), 'SELECT * EXCLUDE (run_spec, completed_at), run_spec->>\'$.adapter_spec.temperature\' AS t, completed_at IS NOT NULL AS done FROM runs');
    expect(run).toEqual({ run_name: RUN, suite: 'v1', scenario_class: 'helm.benchmark.scenarios.mmlu_scenario.MMLUScenario',
      model: 'simple/model1', model_deployment: 'simple/model1', method: 'multiple_choice_joint', max_eval_instances: 10n,
      num_train_trials: 1n, groups: ['mmlu', 'knowledge'], num_request_states: 4n, num_failed_requests: 1n, t: '0', done: true });
  });

  it('shows a suite without complete runs as empty tables, and each run once its runs row is written', async () => {
    await ensureSuiteStore(suiteDir());
    expect(await query(dbOf(), 'SELECT (SELECT count(*) FROM runs) AS runs, (SELECT count(*) FROM per_instance_stats) AS pis')).toEqual([{ runs: 0n, pis: 0n }]);
    const other = 'mmlu:subject=anatomy,method=multiple_choice_joint,model=other_model';
    await storeRun(RUN);
    await storeRun(other, 'other/model');
    expect(await counts()).toEqual([
      { run_name: other, model: 'other/model', num_failed_requests: 1n, states: 4n, pis: 3n, stats: 3n },
      { run_name: RUN, model: 'simple/model1', num_failed_requests: 1n, states: 4n, pis: 3n, stats: 3n },
    ]);
    await withdrawRun(runDirOf(other)); // a rerun's first step: its parts stay on disk, hidden
    expect(await counts()).toEqual([{ run_name: RUN, model: 'simple/model1', num_failed_requests: 1n, states: 4n, pis: 3n, stats: 3n }]);
    expect(await query(dbOf(), 'SELECT count(*) AS n FROM per_instance_stats')).toEqual([{ n: 3n }]);
  });

  it('leaves no store when a twin is broken, and the suite shows nothing of that run', async () => {
    const files = await writeRun(RUN);
    writeFileSync(files.perInstanceStatsNdjson, '{"instance_id": "id1", "stats": [\n');
    await expect(rebuildRunStore(runDirOf(RUN), runSpec(RUN), 'v1')).rejects.toThrow();
    expect(existsSync(join(runDirOf(RUN), 'store'))).toBe(false);
    await ensureSuiteStore(suiteDir());
    expect(await query(dbOf(), 'SELECT count(*) AS n FROM runs')).toEqual([{ n: 0n }]);
  });

  it('remakes the views of a suite folder moved elsewhere', async () => {
    await storeRun(RUN);
    const moved = join(dir, 'elsewhere', 'v1');
    mkdirSync(join(dir, 'elsewhere'));
    cpSync(suiteDir(), moved, { recursive: true });
    rmSync(suiteDir(), { recursive: true });
    await ensureSuiteStore(moved, { trustMark: true });
    expect(await query(join(moved, SUITE_DATABASE), 'SELECT count(*) AS n FROM request_states')).toEqual([{ n: 4n }]);
  });

  it('sets aside a database of the earlier design (rows in tables) or one DuckDB cannot read, and makes a new one', async () => {
    await storeRun(RUN);
    rmSync(dbOf());
    const old = await DuckDBInstance.create(dbOf());
    const connection = await old.connect();
    await connection.run('CREATE TABLE runs (run_name VARCHAR)');
    connection.closeSync();
    old.closeSync();
    await ensureSuiteStore(suiteDir());
    writeFileSync(dbOf(), 'not a database');
    await ensureSuiteStore(suiteDir());
    expect(await query(dbOf(), 'SELECT count(*) AS n FROM runs')).toEqual([{ n: 1n }]);
    expect(readdirSync(suiteDir()).filter((f) => f.startsWith(`${SUITE_DATABASE}.set-aside-`))).toHaveLength(2);
  });
});

describe('a suite database held by another process (a DuckDB shell)', () => {
  it('is waited for as long as asked, then given up with a UserError naming the file; once released the views are made', async () => {
    await storeRun(RUN);
    rmSync(dbOf());
    const holder = spawn(process.execPath, ['-e', `
      const { DuckDBInstance } = require('@duckdb/node-api');
      DuckDBInstance.create(${JSON.stringify(dbOf())}).then((db) => {
        console.log('held');
        process.stdin.once('data', () => { db.closeSync(); process.exit(0); });
      });`], { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'inherit'] });
    await once(holder.stdout, 'data');
    const error = await ensureSuiteStore(suiteDir(), { lockTimeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(String(error)).toContain(`The DuckDB file ${dbOf()} is held by another process`);
    const reader = await DuckDBInstance.create(':memory:');
    const connection = await reader.connect();
    const attaching = await attachSuiteDatabase(connection, dbOf(), 'suite').catch((e: unknown) => e);
    connection.closeSync();
    reader.closeSync();
    expect(attaching).toBeInstanceOf(UserError);
    expect(String(attaching)).toContain(`The suite database ${dbOf()} is held by another process`);
    holder.stdin.write('release\n');
    await once(holder, 'exit');
    await ensureSuiteStore(suiteDir(), { trustMark: true });
    expect(await query(dbOf(), 'SELECT count(*) AS n FROM runs')).toEqual([{ n: 1n }]);
  });
});

describe('a run stored while it runs (openRunStoreWriter)', () => {
  it('turns its NDJSON lines into Parquet parts segment by segment, and publishes them with the runs row last', async () => {
    const files = await writeRun(RUN);
    const lines = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((l) => l !== '') : []);
    const states = lines(files.requestStatesNdjson);
    const entries = lines(files.perInstanceStatsNdjson);
    const writer = await openRunStoreWriter(runDirOf(RUN), RUN);
    // 1,030 units of one request state and two per-instance entries: one full segment of 1,024, then the rest.
    for (let unit = 0; unit < 1030; unit++) {
      const seq = JSON.stringify(unit);
      await writer.pushState(`${states[0]!.replace('"seq":0', `"seq":${seq}`)}\n`);
      await writer.pushEntry(`${entries[0]}\n`);
      await writer.pushEntry(`${entries[1]}\n`);
      await writer.endUnit();
    }
    await writer.finish(files.statsNdjson);
    expect(existsSync(join(runDirOf(RUN), 'store'))).toBe(false); // staged until published
    await writer.publish(runRowParams(runSpec(RUN), 'v1', { numRequestStates: 1030, numFailedRequests: 0 }));
    expect(readdirSync(join(runDirOf(RUN), 'store', 'request_states'))).toEqual(['part-000001.parquet', 'part-000002.parquet']);
    expect(existsSync(join(runDirOf(RUN), 'staging'))).toBe(false);
    await ensureSuiteStore(suiteDir());
    expect(await query(dbOf(), `SELECT (SELECT count(*) FROM request_states) AS states, (SELECT max(seq) FROM request_states) AS last,
      (SELECT count(*) FROM per_instance_stats) AS pis, (SELECT max(position) FROM per_instance_stats) AS entries,
      (SELECT num_request_states FROM runs) AS n`)).toEqual([{ states: 1030n, last: 1029n, pis: 3090n, entries: 2060n, n: 1030n }]);
    // The instance index: one row per request state, each naming the part that holds it (1,024 units, then 6).
    const index = sqlString(join(runDirOf(RUN), 'store', 'instance_index.parquet'));
    expect(await query(dbOf(), `SELECT part, count(*) AS states, min(seq) AS first, max(seq) AS last, count(DISTINCT instance_id) AS ids
      FROM read_parquet(${index}) GROUP BY part ORDER BY part`)).toEqual([
      { part: 1, states: 1024n, first: 0n, last: 1023n, ids: 1n },
      { part: 2, states: 6n, first: 1024n, last: 1029n, ids: 1n },
    ]);
  });

  it('leaves nothing staged when aborted', async () => {
    const files = await writeRun(RUN);
    const writer = await openRunStoreWriter(runDirOf(RUN), RUN);
    await writer.pushState(`${readFileSync(files.requestStatesNdjson, 'utf8').split('\n')[0]}\n`);
    await writer.abort();
    expect(readdirSync(runDirOf(RUN)).sort()).toEqual(['per_instance_stats.ndjson', 'scenario_state.ndjson', 'stats.ndjson']);
  });
});
