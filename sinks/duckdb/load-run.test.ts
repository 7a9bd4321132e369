import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adapterSpec } from '../../core/adapter-spec.ts';
import { UserError } from '../../core/errors.ts';
import { perInstanceStatsJson, requestStateJson } from '../../core/helm-records.ts';
import type { Instance } from '../../core/instance.ts';
import { perturbationDescription } from '../../core/metric-name.ts';
import { PyFloat } from '../../core/py-float.ts';
import { request, type CompletedRequest } from '../../core/request.ts';
import { DEFAULT_DATA_AUGMENTER_SPEC, type RunSpec } from '../../core/run-spec.ts';
import { Stat } from '../../core/stat.ts';
import { ndjsonFile } from '../ndjson-file.ts';
import { loadRunIntoSuiteDb, suiteDbPath, type RunNdjsonFiles } from './load-run.ts';

const RUN = 'mmlu:subject=anatomy,method=multiple_choice_joint,model=simple_model1';
const GOLDEN_RUN = fileURLToPath(new URL('../../../shared/golden/helm-0.5.16/mmlu-anatomy/run/', import.meta.url));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'load-run-'));
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

/** Writes a small run's three NDJSON files: an original, its perturbed copy, a failure, and a dry-run state. */
async function writeRun(runName: string): Promise<RunNdjsonFiles> {
  const files = {
    requestStatesNdjson: join(dir, `${runName.length}-request_states.ndjson`),
    perInstanceStatsNdjson: join(dir, `${runName.length}-per_instance_stats.ndjson`),
    statsNdjson: join(dir, `${runName.length}-stats.ndjson`),
  };
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

describe('loadRunIntoSuiteDb', () => {
  it('loads request states, long per-instance stats, stats, and the runs row', async () => {
    const dbPath = suiteDbPath(join(dir, 'out'), 'v1');
    expect(dbPath).toBe(join(dir, 'out', 'runs', 'v1', 'results.duckdb'));
    const report = await loadRunIntoSuiteDb({ dbPath, runName: RUN, suite: 'v1', runSpec: runSpec(RUN), files: await writeRun(RUN) });
    expect(report).toEqual({ requestStates: 4, perInstanceStats: 3, stats: 3 });
    expect(existsSync(`${dbPath}.wal`) || existsSync(`${dbPath}.tmp`)).toBe(false); // checkpointed, no spill left

    expect(await query(dbPath, 'SELECT * EXCLUDE (state) FROM request_states ORDER BY seq')).toEqual([
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
    const [full] = await query(dbPath, "SELECT state->>'$.output_mapping.B' AS b, state->'$.instance.references[0].tags' AS tags FROM request_states WHERE seq = 0");
    expect(full).toEqual({ b: 'no', tags: '["correct"]' });

    expect(await query(dbPath, `SELECT position, stat_index, instance_id, perturbation_name, metric_name, split,
        stat_perturbation_name, computed_on, count, sum, sum_squared, min, max, mean, variance, stddev
      FROM per_instance_stats ORDER BY position, stat_index`)).toEqual([
      { position: 1n, stat_index: 1n, instance_id: 'id1', perturbation_name: null, metric_name: 'exact_match', split: 'test',
        stat_perturbation_name: null, computed_on: null, count: 1n, sum: 1, sum_squared: 1, min: 1, max: 1, mean: 1, variance: 0, stddev: 0 },
      { position: 1n, stat_index: 2n, instance_id: 'id1', perturbation_name: null, metric_name: 'num_references', split: 'test',
        stat_perturbation_name: null, computed_on: null, count: 1n, sum: 2, sum_squared: 4, min: 2, max: 2, mean: 2, variance: 0, stddev: 0 },
      { position: 2n, stat_index: 1n, instance_id: 'id1', perturbation_name: 'typos', metric_name: 'exact_match', split: 'test',
        stat_perturbation_name: 'typos', computed_on: 'perturbed', count: 1n, sum: 0, sum_squared: 0, min: 0, max: 0, mean: 0, variance: 0, stddev: 0 },
    ]);

    const stats = await query(dbPath, 'SELECT position, metric_name, split, count, sum, sum_squared, min, max, mean, variance FROM stats ORDER BY position');
    expect(stats[0]).toEqual({ position: 1n, metric_name: 'exact_match', split: 'test', count: 1n, sum: 1, sum_squared: 1, min: 1, max: 1, mean: 1, variance: 0 });
    expect(stats[1]).toMatchObject({ metric_name: 'inference_runtime', count: 2n, sum: 1.5e-5 + 2e-5, min: 1.5e-5, max: 2e-5 });
    expect(stats[1]!['mean']).toBeCloseTo(1.75e-5, 15);
    expect(stats[2]).toEqual({ position: 3n, metric_name: 'exact_match', split: 'valid', count: 0n, sum: 0, sum_squared: 0,
      min: null, max: null, mean: null, variance: null });

    const [run] = await query(dbPath, 'SELECT * EXCLUDE (run_spec, completed_at), run_spec->>\'$.adapter_spec.temperature\' AS t, completed_at IS NOT NULL AS done FROM runs');
    expect(run).toEqual({ run_name: RUN, suite: 'v1', scenario_class: 'helm.benchmark.scenarios.mmlu_scenario.MMLUScenario',
      model: 'simple/model1', model_deployment: 'simple/model1', method: 'multiple_choice_joint', max_eval_instances: 10n,
      num_train_trials: 1n, groups: ['mmlu', 'knowledge'], num_request_states: 4n, num_failed_requests: 1n, t: '0', done: true });
  });

  it('replaces a run loaded again and keeps the other runs of the suite', async () => {
    const dbPath = join(dir, 'results.duckdb');
    const other = 'mmlu:subject=anatomy,method=multiple_choice_joint,model=other_model';
    await loadRunIntoSuiteDb({ dbPath, runName: RUN, suite: 'v1', runSpec: runSpec(RUN), files: await writeRun(RUN) });
    await loadRunIntoSuiteDb({ dbPath, runName: other, suite: 'v1', runSpec: runSpec(other, 'other/model'),
      files: await writeRun(other), counts: { numRequestStates: 4, numFailedRequests: 7 } });
    await loadRunIntoSuiteDb({ dbPath, runName: RUN, suite: 'v1', runSpec: runSpec(RUN), files: await writeRun(RUN) });
    expect(await query(dbPath, `SELECT r.run_name, r.model, r.num_failed_requests,
        (SELECT count(*) FROM request_states s WHERE s.run_name = r.run_name) AS states,
        (SELECT count(*) FROM per_instance_stats s WHERE s.run_name = r.run_name) AS pis,
        (SELECT count(*) FROM stats s WHERE s.run_name = r.run_name) AS stats
      FROM runs r ORDER BY r.run_name`)).toEqual([
      { run_name: other, model: 'other/model', num_failed_requests: 7n, states: 4n, pis: 3n, stats: 3n },
      { run_name: RUN, model: 'simple/model1', num_failed_requests: 1n, states: 4n, pis: 3n, stats: 3n },
    ]);
  });

  it('rolls back on a broken file: neither the run nor its rows appear', async () => {
    const dbPath = join(dir, 'results.duckdb');
    const files = await writeRun(RUN);
    const broken = join(dir, 'broken.ndjson');
    writeFileSync(broken, '{"instance_id": "id1", "stats": [\n');
    await expect(loadRunIntoSuiteDb({ dbPath, runName: RUN, suite: 'v1', runSpec: runSpec(RUN),
      files: { ...files, perInstanceStatsNdjson: broken } })).rejects.toThrow();
    expect(await query(dbPath, 'SELECT (SELECT count(*) FROM runs) AS runs, (SELECT count(*) FROM request_states) AS states'))
      .toEqual([{ runs: 0n, states: 0n }]);
    await expect(loadRunIntoSuiteDb({ dbPath, runName: RUN, suite: 'v1', runSpec: runSpec(RUN),
      files: { ...files, statsNdjson: join(dir, 'missing.ndjson') } })).rejects.toThrow(/statsNdjson .*missing\.ndjson does not exist/);
  });

  it('loads a run whose stats files are empty (a dry run without results)', async () => {
    const dbPath = join(dir, 'results.duckdb');
    const files = await writeRun(RUN);
    const empty = join(dir, 'empty.ndjson');
    writeFileSync(empty, '');
    const report = await loadRunIntoSuiteDb({ dbPath, runName: RUN, suite: 'v1', runSpec: runSpec(RUN),
      files: { ...files, perInstanceStatsNdjson: empty, statsNdjson: empty }, memoryLimit: '256MB' });
    expect(report).toEqual({ requestStates: 4, perInstanceStats: 0, stats: 0 });
    expect(await query(dbPath, 'SELECT num_request_states FROM runs')).toEqual([{ num_request_states: 4n }]);
  });

  it('waits while another process holds the database, and gives up with a UserError after the timeout', async () => {
    const dbPath = join(dir, 'results.duckdb');
    const files = await writeRun(RUN);
    const holder = spawn(process.execPath, ['-e', `
      const { DuckDBInstance } = require('@duckdb/node-api');
      DuckDBInstance.create(${JSON.stringify(dbPath)}).then((db) => {
        console.log('held');
        process.stdin.once('data', () => { db.closeSync(); process.exit(0); });
      });`], { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));

    const error = await loadRunIntoSuiteDb({ dbPath, runName: RUN, suite: 'v1', runSpec: runSpec(RUN), files, lockTimeoutMs: 300 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(String(error)).toMatch(/held by another process/);

    const loading = loadRunIntoSuiteDb({ dbPath, runName: RUN, suite: 'v1', runSpec: runSpec(RUN), files, lockTimeoutMs: 30_000 });
    holder.stdin.write('release\n');
    await expect(loading).resolves.toEqual({ requestStates: 4, perInstanceStats: 3, stats: 3 });
    expect(await query(dbPath, 'SELECT count(*) AS n FROM runs')).toEqual([{ n: 1n }]);
  });
});
