import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const { runRow, queryRuns, runDetail, mainMetricOf, perturbationName } = await import('./static-runs.js' as string);

// HELM 0.5.16's own summarize output (helm-run + helm-summarize on the oracle suite).
const golden = new URL('../../../../shared/golden/helm-0.5.16/oracle-suite-small/helm/', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path.split('/').map(encodeURIComponent).join('/'), golden), 'utf8'));
const specs = read('run_specs.json');
const schema = read('schema.json');

describe('static runs (HELM files → /api/runs and /api/run shapes)', () => {
  it('lists run_specs.json as rows with scenario, model, method and groups', () => {
    const rows = specs.map((s: unknown) => runRow(s, 'golden'));
    expect(rows.map((r: { run_name: string }) => r.run_name)).toEqual(specs.map((s: { name: string }) => s.name));
    const gsm = rows.find((r: { run_name: string }) => r.run_name === 'gsm:model=oracle_chat-c');
    expect(gsm).toMatchObject({ suite: 'golden', scenario: 'gsm', model: 'oracle/chat-c', method: 'generation', groups: ['gsm'], perturbations: [] });
  });

  it('filters by substring and exact facets, sorts by name, pages, and lists every facet', () => {
    const rows = specs.map((s: unknown) => runRow(s, 'golden'));
    const all = queryRuns(rows, {});
    expect(all.total).toBe(4);
    expect(all.facets).toEqual({ scenarios: ['gsm', 'mmlu'], models: ['oracle/chat-c', 'oracle/legacy-b'], groups: ['gsm', 'mmlu'], perturbations: [] });
    expect(all.runs.map((r: { run_name: string }) => r.run_name)).toEqual([...specs.map((s: { name: string }) => s.name)].sort());
    const some = queryRuns(rows, { q: 'LEGACY', scenario: 'mmlu' });
    expect(some.runs.map((r: { run_name: string }) => r.run_name)).toEqual(['mmlu:subject=anatomy,method=multiple_choice_joint,model=oracle_legacy-b']);
    expect(queryRuns(rows, { model: 'oracle/chat-c', offset: 1, limit: 1 })).toMatchObject({ total: 2, offset: 1, limit: 1 });
    expect(queryRuns(rows, { group: 'nope' }).total).toBe(0);
  });

  it('builds a run from run_spec.json and stats.json, with the main metric from schema.json', () => {
    const name = 'gsm:model=oracle_chat-c';
    const stats = read(`${name}/stats.json`);
    const detail = runDetail(read(`${name}/run_spec.json`), stats, schema, 'golden');
    expect(detail.main_metric).toEqual({ name: 'exact_match_indicator', split: 'test' });
    expect(detail.stats).toHaveLength(stats.length);
    expect(detail.splits).toEqual(['test']);
    expect(detail.perturbations).toEqual(['fairness', 'robustness']);
    const first = detail.stats[0];
    expect(first).toMatchObject({ position: 0, metric_name: stats[0].name.name, split: stats[0].name.split, count: stats[0].count, mean: stats[0].mean });
    const perturbed = detail.stats.find((s: { perturbation_name: string | null }) => s.perturbation_name === 'robustness');
    expect(perturbed.computed_on).toBe('worst');
    expect(detail.run.run_spec.name).toBe(name);
    expect(mainMetricOf(schema, ['mmlu'])).toEqual({ name: 'exact_match', split: 'test' });
    expect(mainMetricOf(schema, ['no_such_group'])).toBeNull();
  });

  it('names perturbation classes as HELM\'s PerturbationDescription does', () => {
    expect(perturbationName('helm.benchmark.augmentations.mild_mix_perturbation.MildMixPerturbation')).toBe('mild_mix');
    expect(perturbationName('helm.benchmark.augmentations.misspelling_perturbation.MisspellingPerturbation')).toBe('misspellings');
    expect(perturbationName('x.NewThingPerturbation')).toBe('new_thing');
  });
});
