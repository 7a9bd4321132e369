/**
 * The store written while a run goes on (openRunStoreWriter), against the store rebuilt from the same NDJSON in one
 * piece on this thread (rebuildRunStore), and its failures: a failed conversion rejects `finish`, `abort` drops all.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_AUGMENTER_SPEC, type RunSpec } from '../../core/run-spec.ts';
import { adapterSpec } from '../../core/adapter-spec.ts';
import { sqlString } from '../duckdb/open-database.ts';
import { rebuildRunStore, runNdjsonFiles } from './rebuild-run-store.ts';
import { openRunStoreWriter } from './run-store-writer.ts';
import { runRowParams } from './run-store.ts';

const RUN = 'mmlu:subject=anatomy,method=multiple_choice_joint,model=simple_model1';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'run-store-writer-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const runSpec: RunSpec = {
  name: RUN,
  scenario_spec: { class_name: 'helm.benchmark.scenarios.mmlu_scenario.MMLUScenario', args: {} },
  adapter_spec: adapterSpec({ method: 'multiple_choice_joint', model: 'simple/model1', model_deployment: 'simple/model1' }),
  metric_specs: [],
  data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
  groups: ['mmlu'],
};

const TYPO = '{"name":"typos","robustness":true,"fairness":false,"computed_on":"perturbed","prob":0.1}';
/** Unit i: an original request state, every third one with a perturbed copy; one entry per state with two stats. */
function unit(i: number): { states: string[]; entries: string[] } {
  const state = (perturbation: string | undefined) => JSON.stringify({
    seq: i,
    instance: { input: { text: `Q${i}` }, split: i % 5 === 0 ? 'valid' : 'test', id: `id${i}`, ...(perturbation ? { perturbation: JSON.parse(perturbation) } : {}) },
    train_trial_index: 0,
    request: { prompt: `Question ${i}\nAnswer:` },
    ...(i % 7 === 0 ? {} : { result: { success: i % 11 !== 0, completions: [{ text: ` ${'ABCD'[i % 4]}` }], cached: false, request_time: i / 1000 } }),
    num_train_instances: 5,
    prompt_truncated: false,
  });
  const entry = (perturbation: string | undefined) => JSON.stringify({
    instance_id: `id${i}`,
    train_trial_index: 0,
    ...(perturbation ? { perturbation: JSON.parse(perturbation) } : {}),
    stats: [
      { name: { name: 'exact_match', split: 'test', ...(perturbation ? { perturbation: JSON.parse(perturbation) } : {}) }, count: 1, sum: i % 2, sum_squared: i % 2, min: i % 2, max: i % 2, mean: i % 2, variance: 0, stddev: 0 },
      { name: { name: 'num_prompt_tokens', split: 'test' }, count: 1, sum: i, sum_squared: i * i, min: i, max: i, mean: i, variance: 0, stddev: 0 },
    ],
  });
  const variants = i % 3 === 0 ? [undefined, TYPO] : [undefined];
  return { states: variants.map(state), entries: variants.map(entry) };
}

async function query(sql: string): Promise<unknown[][]> {
  const db = await DuckDBInstance.create(':memory:');
  try {
    const connection = await db.connect();
    const rows = (await connection.runAndReadAll(sql)).getRows();
    connection.closeSync();
    return rows;
  } finally {
    db.closeSync();
  }
}
/** A table's rows in store order (parts by name, rows in file order), as text. */
const tableText = (storeDir: string, glob: string) => query(`SELECT columns(* EXCLUDE (filename, file_row_number))::VARCHAR
  FROM read_parquet(${sqlString(join(storeDir, glob))}, filename = true, file_row_number = true) ORDER BY filename, file_row_number`);

describe('the run store written while the run goes on', () => {
  it('holds the same tables, values and order as the store rebuilt from the NDJSON in one piece', async () => {
    const live = join(dir, 'live');
    const whole = join(dir, 'whole');
    mkdirSync(whole, { recursive: true });
    const writer = await openRunStoreWriter(live, RUN);
    const twins = runNdjsonFiles(whole);
    const states: string[] = [];
    const entries: string[] = [];
    for (let i = 0; i < 1500; i++) { // 2,000 request states: a segment of 1,024 (files of 128) and the rest
      const u = unit(i);
      for (const line of u.states) await writer.pushState(`${line}\n`);
      for (const line of u.entries) await writer.pushEntry(`${line}\n`);
      await writer.endUnit();
      states.push(...u.states);
      entries.push(...u.entries);
    }
    const stats = '{"name":{"name":"exact_match","split":"test"},"count":2,"sum":1,"sum_squared":1,"min":0,"max":1,"mean":0.5,"variance":0.25,"stddev":0.5}\n';
    writeFileSync(twins.statsNdjson, stats);
    writeFileSync(twins.requestStatesNdjson, `${states.join('\n')}\n`);
    writeFileSync(twins.perInstanceStatsNdjson, `${entries.join('\n')}\n`);
    await writer.finish(twins.statsNdjson);
    await writer.publish(runRowParams(runSpec, 'v1', { numRequestStates: states.length, numFailedRequests: 0 }));
    await rebuildRunStore(whole, runSpec, 'v1');

    expect(readdirSync(join(live, 'store', 'request_states'))).toEqual(['part-000001.parquet', 'part-000002.parquet']);
    expect(readdirSync(live)).toEqual(['store']);
    const sizes: number[] = [];
    for (const glob of ['request_states/*.parquet', 'per_instance_stats/*.parquet', 'stats.parquet']) {
      const rows = await tableText(join(live, 'store'), glob);
      sizes.push(rows.length);
      expect(rows).toEqual(await tableText(join(whole, 'store'), glob));
    }
    expect(sizes).toEqual([2000, 4000, 1]);
    const index = (storeDir: string) => query(`SELECT * EXCLUDE (part) FROM read_parquet(${sqlString(join(storeDir, 'instance_index.parquet'))})`);
    expect(await index(join(live, 'store'))).toEqual(await index(join(whole, 'store')));
    expect(await query(`SELECT count(*), count(*) FILTER (WHERE perturbation_name = 'typos'), max(position)
      FROM read_parquet(${sqlString(join(live, 'store', 'per_instance_stats', '*.parquet'))})`)).toEqual([[4000n, 1000n, 2000n]]);
  });

  it('rejects finish with the failed conversion, leaves no store, and abort then leaves nothing staged', async () => {
    const runDir = join(dir, 'run');
    const writer = await openRunStoreWriter(runDir, RUN);
    for (let i = 0; i < 1100; i++) {
      await writer.pushState(i === 500 ? '{"seq": 500, "instance": [\n' : `${unit(i).states[0]}\n`);
      await writer.endUnit();
    }
    writeFileSync(join(dir, 'stats.ndjson'), '');
    await expect(writer.finish(join(dir, 'stats.ndjson'))).rejects.toThrow(/Malformed JSON/);
    expect(existsSync(join(runDir, 'store'))).toBe(false);
    await writer.abort();
    expect(readdirSync(runDir)).toEqual([]);
  });

  it('drops everything when aborted while a segment converts', async () => {
    const runDir = join(dir, 'run');
    const writer = await openRunStoreWriter(runDir, RUN);
    for (let i = 0; i < 1030; i++) {
      for (const line of unit(i).states) await writer.pushState(`${line}\n`);
      for (const line of unit(i).entries) await writer.pushEntry(`${line}\n`);
      await writer.endUnit();
    }
    await writer.abort();
    expect(readdirSync(runDir)).toEqual([]);
  });
});
