import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterSpec } from '../../core/adapter-spec.ts';
import { UserError } from '../../core/errors.ts';
import { DEFAULT_DATA_AUGMENTER_SPEC, type RunSpec } from '../../core/run-spec.ts';
import { runDirectoryName } from '../../core/run-spec.ts';
import { rebuildRunStore, runNdjsonFiles } from '../store/rebuild-run-store.ts';
import { ensureSuiteStore, SUITE_DATABASE } from '../store/suite-store.ts';
import { compareSuites, type ComparisonRow, type CompareSuitesOptions } from './compare.ts';

// Two small suites written by __fixtures__/compare/make_fixtures.py, with the comparison it computed (pairs by
// Python dicts, bootstrap by bootstrap_reference.py with numpy: same indices, independent statistics); and HELM's
// own oracle-suite-small runs, oracle/legacy-b taken as suite A and oracle/chat-c as suite B.
const FIXTURES = fileURLToPath(new URL('./__fixtures__/compare/', import.meta.url));
const GOLDEN = fileURLToPath(new URL('../../../shared/golden/helm-0.5.16/oracle-suite-small/helm/', import.meta.url));
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as {
  resamples: number; seed: number; rows: ComparisonRow[];
};
const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as Record<'a' | 'b', { run_name: string; dir: string }[]>;

const REASONING = 'synthetic_reasoning:mode=pattern_match,model=simple_model1';
const PILE = 'the_pile:subset=Ubuntu IRC,model=simple_model1';
const MMLU = 'mmlu:subject=anatomy,method=multiple_choice_joint';

let dir: string;
let instance: DuckDBInstance;
let connection: DuckDBConnection;

const runSpec = (name: string): RunSpec => ({
  name,
  scenario_spec: { class_name: 'helm.benchmark.scenarios.test_scenario.TestScenario', args: {} },
  adapter_spec: adapterSpec({ method: 'generation', model: 'simple/model1', model_deployment: 'simple/model1' }),
  metric_specs: [],
  data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
  groups: [],
});

/** Makes one run of the suite in `suiteDir` (its results store) from its per-instance stats and stats NDJSON. */
async function load(suiteDir: string, runName: string, perInstanceStatsNdjson: string, statsNdjson: string): Promise<void> {
  const runDir = join(suiteDir, runDirectoryName(runName));
  mkdirSync(runDir, { recursive: true });
  const files = runNdjsonFiles(runDir);
  writeFileSync(files.requestStatesNdjson, '');
  copyFileSync(perInstanceStatsNdjson, files.perInstanceStatsNdjson);
  copyFileSync(statsNdjson, files.statsNdjson);
  await rebuildRunStore(runDir, runSpec(runName), 'compare');
  await ensureSuiteStore(suiteDir, { trustMark: true });
}

/** A golden run's JSON arrays as NDJSON files in the temp dir. */
function goldenNdjson(run: string): { perInstance: string; stats: string } {
  const toNdjson = (file: string): string => {
    const path = join(dir, `${run.replaceAll(/[^a-z0-9]/gi, '_')}-${file}.ndjson`);
    const records = JSON.parse(readFileSync(join(GOLDEN, run, `${file}.json`), 'utf8')) as unknown[];
    writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    return path;
  };
  return { perInstance: toNdjson('per_instance_stats'), stats: toNdjson('stats') };
}

const collect = async (options: CompareSuitesOptions): Promise<ComparisonRow[]> => {
  const rows: ComparisonRow[] = [];
  for await (const row of compareSuites(connection, options)) rows.push(row);
  return rows;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'compare-'));
  for (const suite of ['a', 'b'] as const) {
    for (const run of manifest[suite]) {
      const runDir = join(FIXTURES, run.dir);
      await load(join(dir, suite), run.run_name, join(runDir, 'per_instance_stats.ndjson'), join(runDir, 'stats.ndjson'));
    }
  }
  for (const [suite, model] of [['golden_a', 'oracle_legacy-b'], ['golden_b', 'oracle_chat-c']] as const) {
    for (const run of [`gsm:model=${model}`, `${MMLU},model=${model}`]) {
      const files = goldenNdjson(run);
      await load(join(dir, suite), run.replace(/[:,]model=.*$/, ''), files.perInstance, files.stats);
    }
  }
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  for (const suite of ['a', 'b', 'golden_a', 'golden_b']) {
    await connection.run(`ATTACH '${join(dir, suite, SUITE_DATABASE)}' AS ${suite} (READ_ONLY)`);
  }
});

afterAll(() => {
  connection?.closeSync();
  instance?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

describe('compareSuites', () => {
  it('gives per run, metric, split and perturbation the paired means, B − A, interval and p-value numpy gives', async () => {
    const rows = await collect({ a: 'a', b: 'b', resamples: expected.resamples, seed: expected.seed });
    expect(rows).toEqual(expected.rows);
    // The same, spelled out: 38 instances in both suites, id38 and id39 only in A, id40 and id41 only in B. HELM's
    // run means (stats) take all 40 of each; the paired means take the 38.
    expect(rows[0]).toEqual({
      run_name: REASONING, metric: 'exact_match', split: 'test', n_paired: 38, n_only_a: 2, n_only_b: 2,
      mean_a: 0.5, mean_b: 0.8157894736842105, difference: 0.3157894736842105,
      ci_low: 0.13157894736842105, ci_high: 0.5263157894736842, p_value: 0.005988023952095809,
      run_mean_a: 0.5, run_mean_b: 0.8,
    });
  });

  it('pairs perturbed instances by their perturbation, in a row of their own after the originals', async () => {
    const rows = await collect({ a: 'a', b: 'b', resamples: expected.resamples, metrics: ['exact_match'] });
    expect(rows.map((r) => [r.run_name, r.metric, r.perturbation ?? null, r.n_paired])).toEqual([
      [REASONING, 'exact_match', null, 38],
      [REASONING, 'exact_match', '{"name":"typos","robustness":true,"fairness":false,"computed_on":"perturbed","prob":0.1}', 20],
    ]);
    expect(rows[1]).toMatchObject({ mean_a: 0.35, mean_b: 0.7, difference: 0.35, ci_low: 0.1, ci_high: 0.6, run_mean_a: 0.35 });
  });

  it('reports a metric of one suite without pairs, and leaves out a run of one suite', async () => {
    const rows = await collect({ a: 'a', b: 'b', resamples: 10 });
    expect(rows.find((r) => r.metric === 'quasi_prefix_exact_match')).toEqual({
      run_name: REASONING, metric: 'quasi_prefix_exact_match', split: 'test', n_paired: 0, n_only_a: 0, n_only_b: 40,
      mean_a: null, mean_b: null, difference: null, ci_low: null, ci_high: null, p_value: null,
      run_mean_a: null, run_mean_b: 0.8,
    });
    expect(new Set(rows.map((r) => r.run_name))).toEqual(new Set([REASONING, PILE])); // the mmlu run is only in B
  });

  it('merges several entries of one instance into one pair (ratio of sums: HELM run means)', async () => {
    const [logprob] = await collect({ a: 'a', b: 'b', resamples: expected.resamples, metrics: ['logprob'] });
    // Document id3 has one window more in B: 15 pairs all the same, means equal to HELM's over every entry.
    expect(logprob).toEqual({
      run_name: PILE, metric: 'logprob', split: 'test', n_paired: 15, n_only_a: 0, n_only_b: 0,
      mean_a: -24.712962962962962, mean_b: -31.544642857142858, difference: -6.831679894179896,
      ci_low: -15.935998135604821, ci_high: 3.7327905092592526, p_value: 0.1656686626746507,
      run_mean_a: -24.712962962962962, run_mean_b: -31.544642857142858,
    });
  });

  it('is reproducible with a seed and changes with another', async () => {
    const first = await collect({ a: 'a', b: 'b', resamples: 200, seed: 9, metrics: ['num_output_tokens'] });
    const again = await collect({ a: 'a', b: 'b', resamples: 200, seed: 9, metrics: ['num_output_tokens'] });
    const other = await collect({ a: 'a', b: 'b', resamples: 200, seed: 10, metrics: ['num_output_tokens'] });
    expect(again).toEqual(first);
    expect(other[0]!.difference).toBe(first[0]!.difference);
    expect(other[0]!.ci_low).not.toBe(first[0]!.ci_low);
  });

  it("compares HELM's own runs: oracle/legacy-b against oracle/chat-c on MMLU anatomy and GSM", async () => {
    const rows = await collect({ a: 'golden_a', b: 'golden_b', resamples: 500, seed: 0 });
    expect(rows).toHaveLength(44);
    const row = (run: string, metric: string) => rows.find((r) => r.run_name === run && r.metric === metric);
    // Values from make_fixtures.py on the golden per_instance_stats.json; the run means are HELM's stats.json.
    expect(row(MMLU, 'exact_match')).toEqual({
      run_name: MMLU, metric: 'exact_match', split: 'test', n_paired: 8, n_only_a: 0, n_only_b: 0,
      mean_a: 0.5, mean_b: 0, difference: -0.5, ci_low: -0.875, ci_high: -0.25, p_value: 0.005988023952095809,
      run_mean_a: 0.5, run_mean_b: 0,
    });
    expect(row(MMLU, 'quasi_exact_match')).toMatchObject({
      mean_a: 0.5, mean_b: 0.125, difference: -0.375, ci_low: -0.75, ci_high: -0.125, p_value: 0.06187624750499002,
    });
    const logprob = row('gsm', 'logprob')!;
    expect(logprob).toMatchObject({ mean_a: -21.5775, mean_b: 0, difference: 21.5775, p_value: 0.001996007984031936 });
    // Real logprobs are not dyadic: counting classes and numpy's gather-then-sum round differently in the last bits.
    expect(logprob.ci_low).toBeCloseTo(19.422856250000002, 12);
    expect(logprob.ci_high).toBeCloseTo(23.645584374999995, 12);
  });

  it('finds no difference between a suite and itself', async () => {
    const rows = await collect({ a: 'a', b: 'a', resamples: 50 });
    expect(rows.map((r) => [r.metric, r.n_paired, r.n_only_a, r.n_only_b, r.difference, r.ci_low, r.ci_high, r.p_value])).toEqual([
      ['exact_match', 40, 0, 0, 0, 0, 0, 1],
      ['exact_match', 20, 0, 0, 0, 0, 0, 1],
      ['f1_score', 40, 0, 0, 0, 0, 0, 1],
      ['num_output_tokens', 40, 0, 0, 0, 0, 0, 1],
      ['logprob', 15, 0, 0, 0, 0, 0, 1],
      ['num_perplexity_tokens', 15, 0, 0, 0, 0, 0, 1],
    ]);
  });

  it('stops cleanly when the reader stops early', async () => {
    let seen = 0;
    for await (const row of compareSuites(connection, { a: 'a', b: 'b', resamples: 10 })) {
      seen += row.n_paired > 0 ? 1 : 0;
      break;
    }
    expect(seen).toBe(1);
    expect(await collect({ a: 'a', b: 'b', resamples: 10, metrics: ['f1_score'] })).toHaveLength(1); // the connection still works
  });

  it('says what is wrong with catalogs and options', async () => {
    await connection.run("ATTACH ':memory:' AS empty");
    const failure = async (options: CompareSuitesOptions): Promise<unknown> => collect(options).catch((error: unknown) => error);
    const missing = await failure({ a: 'a', b: 'bb' });
    expect(missing).toBeInstanceOf(UserError);
    expect(String(missing)).toMatch(/No database is attached as "bb".*ATTACH '<suite>\/results.duckdb' AS bb \(READ_ONLY\).*attached: b/);
    expect(String(await failure({ a: 'a', b: 'empty' }))).toMatch(/"empty" has no per_instance_stats or stats table/);
    expect(String(await failure({ a: 'a; drop', b: 'b' }))).toMatch(/"a; drop" is not a catalog name/);
    expect(String(await failure({ a: 'a', b: 'b', resamples: 0 }))).toMatch(/resamples must be a positive integer/);
    expect(String(await failure({ a: 'a', b: 'b', seed: -1 }))).toMatch(/seed must be an integer/);
  });
});
