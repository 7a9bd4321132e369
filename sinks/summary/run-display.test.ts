import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import type { HelmSchema } from './helm-schema-types.ts';
import { RUN_DISPLAY_FILES, writeRunDisplay } from './run-display.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const fixtures = join(here, '__fixtures__', 'run-display');
const golden = join(here, '..', '..', '..', 'shared', 'golden', 'helm-0.5.16');
const INPUTS = ['run_spec.json', 'scenario_state.json', 'per_instance_stats.json'];

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh run directory holding copies of `source`'s input files. */
function runDirFrom(source: string, files = INPUTS): string {
  const dir = mkdtempSync(join(tmpdir(), 'run-display-'));
  tempDirs.push(dir);
  for (const file of files) copyFileSync(join(source, file), join(dir, file));
  return dir;
}

const readText = (path: string) => readFileSync(path, 'utf8');
const readJson = <T>(path: string): T => JSON.parse(readText(path)) as T;

/** HELM `_get_metric_names_for_groups` from a schema.json: matchers without a perturbation, templates filled. */
function displayMetricNames(schema: HelmSchema, groups: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const group of schema.run_groups.filter((g) => groups.includes(g.name))) {
    for (const metricGroup of schema.metric_groups.filter((m) => group.metric_groups.includes(m.name))) {
      for (const matcher of metricGroup.metrics) {
        if (matcher.perturbation_name !== undefined && matcher.perturbation_name !== '__all__') continue;
        names.add(matcher.name.replace(/\$\{(\w+)\}/g, (_, key: string) => group.environment[key] ?? ''));
      }
    }
  }
  return names;
}

const helmNames = readJson<Record<string, string[]>>(join(fixtures, 'golden-display-metric-names.json'));
const goldenRuns = Object.keys(helmNames).filter((run) => !run.startsWith('_'));

describe('writeRunDisplay on HELM 0.5.16 golden runs', () => {
  const suite = join(golden, 'oracle-suite-small', 'helm');
  const schema = readJson<HelmSchema>(join(suite, 'schema.json'));

  it('derives the suite runs\u2019 display metric names from schema.json as HELM did', () => {
    for (const run of goldenRuns.filter((r) => r.startsWith('oracle-suite-small/'))) {
      const groups = readJson<{ groups: string[] }>(join(golden, run, 'run_spec.json')).groups;
      expect([...displayMetricNames(schema, groups)].sort(), run).toEqual(helmNames[run]);
    }
  });

  it.each(goldenRuns)('writes the three files of %s byte for byte as HELM did', async (run) => {
    const dir = runDirFrom(join(golden, run), [...INPUTS, 'stats.json']);
    const report = await writeRunDisplay(dir, { displayMetricNames: new Set(helmNames[run]) });
    const helmPredictions = readJson<unknown[]>(join(golden, run, 'display_predictions.json'));
    expect(report).toEqual({
      written: true,
      numInstances: readJson<unknown[]>(join(golden, run, 'instances.json')).length,
      numPredictions: helmPredictions.length,
      statsJoin: 'merged',
    });
    for (const file of RUN_DISPLAY_FILES) expect(readText(join(dir, file)), file).toBe(readText(join(golden, run, file)));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps only the predicted reference of a calibrated run, with its truncated text and stats', async () => {
    const dir = runDirFrom(join(golden, 'oracle-mmlu-anatomy-calibrated', 'helm'));
    await writeRunDisplay(dir, { displayMetricNames: new Set(['exact_match']) });
    const [first] = readJson<Array<Record<string, unknown>>>(join(dir, 'display_predictions.json'));
    expect(first).toMatchObject({
      instance_id: 'id10',
      truncated_predicted_text: ' It is a type of cartilage',
      reference_index: 1,
      stats: { exact_match: 1, predicted_index: 1 },
    });
  });
});

describe('writeRunDisplay on run directories made for it (expected files written by HELM 0.5.16)', () => {
  it.each([
    // two train trials, two metric passes in per_instance_stats.json, perturbations, a state without result
    ['separate-original', 'merged'],
    // output_mapping_pattern with a named group, annotations, thinking, multimodal text, extra_data with integer-like
    // keys; per_instance_stats.json in reverse order
    ['joint-pattern', 'indexed'],
    ['separate-calibrated', 'merged'],
  ])('writes %s as HELM does (stats joined: %s)', async (name, statsJoin) => {
    const dir = runDirFrom(join(fixtures, name));
    const names = readJson<string[]>(join(fixtures, name, 'display-metric-names.json'));
    const report = await writeRunDisplay(dir, { displayMetricNames: new Set(names) });
    expect(report.statsJoin).toBe(statsJoin);
    for (const file of RUN_DISPLAY_FILES) expect(readText(join(dir, file)), file).toBe(readText(join(fixtures, name, 'helm', file)));
  });

  it('merges a key\u2019s entries in file order: a later pass replaces a value and keeps its place', async () => {
    const dir = runDirFrom(join(fixtures, 'separate-original'));
    await writeRunDisplay(dir, { displayMetricNames: new Set(['exact_match', 'num_output_tokens', 'max_prob']) });
    const text = readText(join(dir, 'display_predictions.json'));
    expect(text).toContain('"max_prob": Infinity'); // Python's json writes inf so
    const predictions = JSON.parse(text.replaceAll('Infinity', '"inf"')) as Array<{
      stats: Record<string, number>;
      perturbation?: Record<string, unknown>;
    }>;
    expect(Object.keys(predictions[0]!.stats)).toEqual(['predicted_index', 'exact_match', 'num_output_tokens', 'max_prob']);
    expect(predictions[0]!.stats['exact_match']).toBe(0.25);
    // dialect is in HELM's codec table (prob read as a float); style is not (its suffix is dropped)
    expect(predictions[1]!.perturbation).toMatchObject({ name: 'dialect', seed: 7, prob: 1 });
    expect(text).toContain('"prob": 1.0');
    expect(readText(join(dir, 'instances.json'))).not.toContain('suffix');
  });
});

describe('writeRunDisplay around the files', () => {
  const source = join(golden, 'mmlu-anatomy', 'run');
  const names = { displayMetricNames: new Set(['exact_match']) };

  it('with skipCompleted leaves a run alone that has all three files, as --skip-completed-run-display-json', async () => {
    const dir = runDirFrom(source);
    for (const file of RUN_DISPLAY_FILES) writeFileSync(join(dir, file), 'old');
    const report = await writeRunDisplay(dir, { ...names, skipCompleted: true });
    expect(report).toEqual({
      written: false,
      numInstances: 0,
      numPredictions: 0,
      skipReason: 'all output display JSON files already exist',
    });
    expect(readText(join(dir, 'instances.json'))).toBe('old');
    rmSync(join(dir, 'display_requests.json'));
    expect((await writeRunDisplay(dir, { ...names, skipCompleted: true })).numPredictions).toBe(10);
    expect(readText(join(dir, 'instances.json'))).toBe(readText(join(source, 'instances.json')));
  });

  it('skips a run without scenario_state.json or per_instance_stats.json, as HELM does', async () => {
    const noStates = runDirFrom(source, ['run_spec.json', 'per_instance_stats.json']);
    expect((await writeRunDisplay(noStates, names)).skipReason).toBe(
      `the scenario state JSON file does not exist at ${join(noStates, 'scenario_state.json')}`,
    );
    const noStats = runDirFrom(source, ['run_spec.json', 'scenario_state.json']);
    expect((await writeRunDisplay(noStats, names)).skipReason).toBe(
      `the per instance stats JSON file does not exist at ${join(noStats, 'per_instance_stats.json')}`,
    );
    expect(RUN_DISPLAY_FILES.some((file) => existsSync(join(noStats, file)))).toBe(false);
  });

  it('refuses a cut scenario_state.json by name, leaving no display file (old ones removed, no .tmp)', async () => {
    const dir = runDirFrom(source);
    const text = readText(join(source, 'scenario_state.json'));
    writeFileSync(join(dir, 'scenario_state.json'), text.slice(0, Math.floor(text.length * 0.6)));
    for (const file of RUN_DISPLAY_FILES) writeFileSync(join(dir, file), 'old');
    const error = await writeRunDisplay(dir, names).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/scenario_state\.json is not a complete HELM JSON file: the file ends inside a value at byte \d+ \(request_states\[5\]\)/);
    expect(readdirSync(dir).sort()).toEqual(INPUTS.slice().sort());
  });

  it('shows an empty prediction for a result without completions (a request that failed for good)', async () => {
    const dir = runDirFrom(source);
    const state = readJson<{ adapter_spec: unknown; request_states: Array<{ result: { completions: unknown[] } }> }>(
      join(source, 'scenario_state.json'),
    );
    state.request_states[0]!.result = { ...state.request_states[0]!.result, completions: [] };
    writeFileSync(join(dir, 'scenario_state.json'), JSON.stringify(state));
    await writeRunDisplay(dir, names);
    const [first] = readJson<Array<Record<string, unknown>>>(join(dir, 'display_predictions.json'));
    expect(first).toEqual({ instance_id: 'id33', train_trial_index: 0, predicted_text: '', base64_images: [], stats: { exact_match: 0 } });
  });

  it('writes empty lists for a run without request states', async () => {
    const dir = runDirFrom(source);
    writeFileSync(join(dir, 'scenario_state.json'), '{\n  "adapter_spec": {},\n  "request_states": []\n}');
    writeFileSync(join(dir, 'per_instance_stats.json'), '[]');
    expect(await writeRunDisplay(dir, names)).toEqual({ written: true, numInstances: 0, numPredictions: 0, statsJoin: 'merged' });
    for (const file of RUN_DISPLAY_FILES) expect(readText(join(dir, file))).toBe('[]');
  });
});
