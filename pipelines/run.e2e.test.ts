/**
 * End-to-end: `node pipelines/run.js` as a user runs it, on the golden MMLU input and small fixtures in the
 * upstream formats, checked against HELM 0.5.16's own output (`../shared/golden`) and `../shared/tools/helm-parity`.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutTiming } from './__fixtures__/run-files.ts';
import { childProcess, type Finished } from './__fixtures__/when-ready.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = join(root, '..', 'shared');
const golden = join(shared, 'golden', 'helm-0.5.16', 'mmlu-anatomy');
const MMLU_RUN = 'mmlu:subject=anatomy,method=multiple_choice_joint,model=simple_model1';
const work = mkdtempSync(join(tmpdir(), 'helm-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fresh output root holding the golden MMLU CSVs and the BoolQ/GSM fixtures in HELM's cache layout. */
function outputRoot(name: string): string {
  const out = join(work, name);
  cpSync(join(golden, 'input'), out, { recursive: true });
  cpSync(join(root, 'pipelines', '__fixtures__', 'scenarios'), join(out, 'scenarios'), { recursive: true });
  return out;
}

const execute = (command: string, args: string[]): Promise<Finished> => childProcess(command, args, root);

const helmRun = (args: string[]): Promise<Finished> => execute(process.execPath, [join(root, 'pipelines', 'run.js'), ...args]);

// A beforeAll that makes a whole helm-run (four of them for the four scenarios): more room than the 60 s hook timeout.
const RUN_TIMEOUT = 120_000;

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> & unknown[];

describe('helm-run on the golden MMLU case', () => {
  const out = join(work, 'golden');
  const args = ['-o', out, '--run-entries', 'mmlu:subject=anatomy,model=simple/model1', '--suite', 'v1', '--local-path', join(out, 'prod_env'), '-m', '10'];
  const runDir = join(out, 'runs', 'v1', MMLU_RUN);
  // The first run's files, kept aside: the rerun test rewrites runDir, and each test passes alone and in any order.
  const firstRunDir = join(work, 'golden-first-run');
  let first: Finished;
  beforeAll(async () => {
    outputRoot('golden');
    first = await helmRun(args);
    if (first.status === 0) cpSync(runDir, firstRunDir, { recursive: true });
  }, RUN_TIMEOUT);

  it('passes helm-parity with every check equal', async () => {
    expect(first.stderr).not.toContain('Error');
    expect(first.status).toBe(0);
    const parity = await execute(join(shared, 'tools', 'helm-parity'), [firstRunDir, join(golden, 'run')]);
    expect(parity.stdout.trim().split('\n').at(-1)).toBe('parity: 352 of 352 checks equal');
    expect(parity.status).toBe(0);
  });

  it('writes the five HELM files byte for byte as HELM does, but for timing', () => {
    expect(first.status).toBe(0);
    for (const file of ['run_spec.json', 'scenario.json']) {
      expect(readFileSync(join(firstRunDir, file), 'utf8')).toBe(readFileSync(join(golden, 'run', file), 'utf8'));
    }
    for (const file of ['scenario_state.json', 'stats.json', 'per_instance_stats.json']) {
      expect(withoutTiming(join(firstRunDir, file))).toBe(withoutTiming(join(golden, 'run', file)));
    }
    expect(readdirSync(firstRunDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('answers a rerun from the request cache, with the same outputs', async () => {
    expect(first.status).toBe(0);
    const run = await helmRun(args);
    expect(run.status).toBe(0);
    const states = readJson(join(runDir, 'scenario_state.json'))['request_states'] as { result: { cached: boolean } }[];
    expect(states.map((s) => s.result.cached)).toEqual(new Array(10).fill(true));
    expect(withoutTiming(join(runDir, 'stats.json'))).toBe(withoutTiming(join(golden, 'run', 'stats.json')));
  });
});

describe('helm-run --skip-helm-json', () => {
  const out = join(work, 'lean');
  const args = ['-o', out, '-r', 'mmlu:subject=anatomy,model=simple/model1', '--suite', 'lean', '--local-path', join(out, 'prod_env'), '-m', '10', '--skip-helm-json'];
  const runDir = join(out, 'runs', 'lean', MMLU_RUN);
  const ndjsonLines = (file: string) => readFileSync(join(runDir, file), 'utf8').trim().split('\n').length;
  // The run both tests need, made once; the second test's rerun skips it and changes no file.
  let first: Finished;
  beforeAll(async () => {
    outputRoot('lean');
    first = await helmRun(args);
  }, RUN_TIMEOUT);

  it('writes no scenario_state.json / per_instance_stats.json, and the same stats, NDJSON and DuckDB rows', async () => {
    expect(first.status).toBe(0);
    expect(readdirSync(runDir).sort()).toEqual(['per_instance_stats.ndjson', 'run_spec.json', 'scenario.json', 'scenario_state.ndjson',
      'stats.json', 'stats.ndjson', 'store']);
    expect(withoutTiming(join(runDir, 'stats.json'))).toBe(withoutTiming(join(golden, 'run', 'stats.json')));
    expect(ndjsonLines('scenario_state.ndjson')).toBe(10);
    expect(ndjsonLines('per_instance_stats.ndjson')).toBe(10);
    const sql = await execute(process.execPath, [join(root, 'pipelines', 'sql.js'), '--json', join(out, 'runs', 'lean', 'results.duckdb'),
      'SELECT (SELECT count(*) FROM request_states) AS states, (SELECT count(*) FROM per_instance_stats) AS stats, (SELECT count(*) FROM runs) AS runs']);
    expect(JSON.parse(sql.stdout)).toEqual({ states: 10, stats: 270, runs: 1 });
  });

  it('counts such a run as complete for --skip-completed-runs', async () => {
    expect(first.status).toBe(0);
    const run = await helmRun([...args, '--skip-completed-runs']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Skipping run ${MMLU_RUN} because run is completed`);
  });
});

describe('helm-run on all four scenarios with -t 3, robustness and --dry-run', () => {
  const out = join(work, 'four');
  const entries = ['mmlu:subject=anatomy', 'boolq', 'gsm', 'simple_mcqa'].map(
    (s) => `${s}${s.includes(':') ? ',' : ':'}model=simple/model1,data_augmentation=robustness`,
  );
  // One run that every test reads and none changes.
  let run: Finished;
  beforeAll(async () => {
    outputRoot('four');
    run = await helmRun(['-o', out, '-r', ...entries, '-t', '3', '--dry-run', '-m', '4', '--suite', 's', '--local-path', join(out, 'prod_env')]);
  }, RUN_TIMEOUT);
  const suite = join(out, 'runs', 's');
  const names = {
    mmlu: 'mmlu:subject=anatomy,method=multiple_choice_joint,model=simple_model1,data_augmentation=robustness',
    boolq: 'boolq:model=simple_model1,data_augmentation=robustness',
    gsm: 'gsm:model=simple_model1,data_augmentation=robustness',
    simple_mcqa: 'simple_mcqa:model=simple_model1,data_augmentation=robustness',
  };
  type State = { instance: { id: string; perturbation?: { name: string } ; input: { text: string } }; train_trial_index: number; request: { prompt: string }; result?: unknown; num_train_instances: number };
  const statesOf = (name: string) => readJson(join(suite, name, 'scenario_state.json'))['request_states'] as State[];

  it('names the runs as HELM does and completes them all', () => {
    expect(run.status).toBe(0);
    for (const name of Object.values(names)) expect(existsSync(join(suite, name, 'stats.json'))).toBe(true);
  });

  it('writes trials in order, each eval instance followed by its mild_mix copy, with no results on a dry run', () => {
    const states = statesOf(names.simple_mcqa);
    expect(states.map((s) => s.train_trial_index)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(states.every((s) => s.result === undefined)).toBe(true);
    // reference §13: mild_mix on simple_mcqa id60 → 'is 70  even or  odd?'
    const id60 = states.filter((s) => s.instance.id === 'id60' && s.train_trial_index === 0);
    expect(id60.map((s) => [s.instance.input.text, s.instance.perturbation?.name])).toEqual([
      ['Is 70 even or odd?', undefined],
      ['is 70  even or  odd?', 'mild_mix'],
    ]);
  });

  it('uses the same in-context examples as HELM for trial 0 (the golden prompt)', () => {
    const goldenPrompt = (readJson(join(golden, 'run', 'scenario_state.json'))['request_states'] as State[])[0]!.request.prompt;
    const ours = statesOf(names.mmlu).find((s) => s.train_trial_index === 0 && s.instance.id === 'id33' && s.instance.perturbation === undefined);
    expect(ours?.request.prompt).toBe(goldenPrompt);
    expect(new Set(statesOf(names.mmlu).filter((s) => s.train_trial_index === 1).map((s) => s.request.prompt.slice(0, 400))).size).toBeGreaterThan(0);
  });

  it('keeps unchanged BoolQ copies (passage-question inputs never equal) but drops unchanged GSM copies', () => {
    const boolq = statesOf(names.boolq);
    expect(boolq.length).toBe(4 * 2 * 3);
    const gsm = statesOf(names.gsm);
    expect(gsm.filter((s) => s.instance.perturbation !== undefined).length).toBeLessThanOrEqual(4 * 3);
    expect(gsm.length % 3).toBe(0);
  });

  it('writes the dry-run stats: a plain merge over request states, num_requests last', () => {
    const stats = readJson(join(suite, names.simple_mcqa, 'stats.json')) as unknown as { name: { name: string; split?: string }; count: number; sum: number }[];
    expect(stats.map((s) => s.name.name)).toEqual([
      'estimated_num_tokens_cost', 'num_completions', 'max_num_completion_tokens', 'num_prompt_tokens', 'num_requests',
    ]);
    expect(stats.every((s) => s.name.split === undefined)).toBe(true);
    expect(stats.find((s) => s.name.name === 'num_requests')?.sum).toBe(24);
    expect(stats.find((s) => s.name.name === 'max_num_completion_tokens')?.sum).toBe(24 * 5);
  });
});

describe('helm-run on all four scenarios with -t 3 and robustness, requests made', () => {
  const out = join(work, 'four-real');
  const entries = ['mmlu:subject=anatomy', 'boolq', 'gsm', 'simple_mcqa'].map(
    (s) => `${s}${s.includes(':') ? ',' : ':'}model=simple/model1,data_augmentation=robustness`,
  );
  let run: Finished;
  beforeAll(async () => {
    outputRoot('four-real');
    run = await helmRun(['-o', out, '-r', ...entries, '-t', '3', '-m', '4', '--suite', 's', '--local-path', join(out, 'prod_env')]);
  }, RUN_TIMEOUT);
  type StatJson = { name: { name: string; split?: string; perturbation?: { name: string; computed_on: string } }; count: number; mean?: number };
  const statsOf = (name: string) => readJson(join(out, 'runs', 's', name, 'stats.json')) as unknown as StatJson[];
  const find = (stats: StatJson[], name: string, perturbation?: string, computedOn?: string) =>
    stats.find((s) => s.name.name === name && s.name.perturbation?.name === perturbation && s.name.perturbation?.computed_on === computedOn);

  it('completes every run, each main metric averaged over 3 trials, with robustness and mild_mix variants', () => {
    expect(run.status).toBe(0);
    const mains: [string, string, string][] = [
      ['mmlu:subject=anatomy,method=multiple_choice_joint,model=simple_model1,data_augmentation=robustness', 'exact_match', 'test'],
      ['boolq:model=simple_model1,data_augmentation=robustness', 'quasi_exact_match', 'valid'],
      ['gsm:model=simple_model1,data_augmentation=robustness', 'final_number_exact_match', 'test'],
      ['simple_mcqa:model=simple_model1,data_augmentation=robustness', 'exact_match', 'test'],
    ];
    for (const [runName, metric, split] of mains) {
      const stats = statsOf(runName);
      // simple/model1 answers with the prompt's last word ("Answer:" / "A:"), so every score is 0.
      for (const [p, c] of [[undefined, undefined], ['robustness', 'worst'], ['fairness', 'worst'], ['mild_mix', 'perturbed']] as const) {
        const stat = find(stats, metric, p, c);
        expect(stat, `${runName} ${metric} ${p}`).toMatchObject({ count: 3, mean: 0, name: { split } });
      }
      expect(find(stats, 'num_instances')).toMatchObject({ count: 3, mean: 4, name: { split } });
      expect(find(stats, 'num_train_instances')).toMatchObject({ count: 3, mean: 5 });
    }
    const boolq = statsOf('boolq:model=simple_model1,data_augmentation=robustness');
    expect(boolq.filter((s) => s.name.name.startsWith('bias_metric:')).map((s) => s.count)).toEqual(new Array(12).fill(0));
  });
});

describe('helm-run dry run on simple_mcqa (reference §10.1, verified with HELM)', () => {
  it('estimates 385 prompt tokens per request, 1155 in all for 3 instances', async () => {
    const out = join(work, 'dry');
    const run = await helmRun(['-o', out, '-r', 'simple_mcqa:model=simple/model1', '-m', '3', '--dry-run', '--local-path', join(out, 'prod_env')]);
    expect(run.status).toBe(0);
    const stats = readJson(join(out, 'runs', 'default', 'simple_mcqa:model=simple_model1', 'stats.json')) as unknown as { name: { name: string }; count: number; sum: number }[];
    expect(Object.fromEntries(stats.map((s) => [s.name.name, [s.count, s.sum]]))).toEqual({
      estimated_num_tokens_cost: [3, 0],
      num_completions: [3, 3],
      max_num_completion_tokens: [3, 15],
      num_prompt_tokens: [3, 1155],
      num_requests: [1, 3],
    });
  });
});

describe('helm-run on bad input', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown run-spec function', ['-r', 'mmlx:subject=anatomy,model=simple/model1'], /Unknown run spec function 'mmlx'\. Did you mean: mmlu\b/],
    ['an unknown argument', ['-r', 'mmlu:subjet=anatomy,model=simple/model1'], /no parameter 'subjet'; did you mean: subject\?/],
    ['a missing required argument', ['-r', 'mmlu:model=simple/model1'], /missing required argument 'subject'/],
    ['an unknown model', ['-r', 'mmlu:subject=anatomy,model=simple/model2'], /Unknown model 'simple\/model2'.*Did you mean: simple\/model1\?/],
    ['an unknown expander value', ['-r', 'gsm:model=simple/model1,data_augmentation=robustnes'], /Unknown data_augmentation value 'robustnes'\. Did you mean: robustness/],
    ['a missing -m', ['-r', 'gsm:model=simple/model1'], /required: -m\/--max-eval-instances/],
  ];
  for (const [what, args, message] of cases) {
    it(`exits 2 with a clear message for ${what}`, async () => {
      const run = await helmRun([...args, ...(args.includes('gsm:model=simple/model1') ? [] : ['-m', '5']), '-o', join(work, 'bad')]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    });
  }

  it('names the line and column of a malformed conf file', async () => {
    const conf = join(work, 'bad.conf');
    writeFileSync(conf, 'entries: [\n  {description: "simple_mcqa:model=simple/model1", priority: 1\n  {description: "x"}\n]\n');
    const run = await helmRun(['-c', conf, '-m', '5', '-o', join(work, 'bad')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${conf}:4:1`);
  });
});
