import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA_PATH, readSchema } from './helm-schema.ts';
import type { HelmSchema } from './helm-schema-types.ts';
import { allScenariosRunGroup, autoGenerateSchema, fixUpSchema, type SuiteNames } from './schema-fix-up.ts';
import { runGroup } from './schema-records.ts';

const SUITE = fileURLToPath(new URL('../../../shared/golden/helm-0.5.16/oracle-suite-small/helm/', import.meta.url));
const classic = readSchema(DEFAULT_SCHEMA_PATH);

/** The golden suite's run groups and stat names, runs in HELM's order (sorted directory names). */
function suiteNames(): SuiteNames {
  const runs = readdirSync(SUITE).filter((d) => d.includes('model=')).sort();
  const json = (run: string, file: string) => JSON.parse(readFileSync(join(SUITE, run, file), 'utf8')) as unknown;
  return {
    runGroupNames: runs.flatMap((r) => (json(r, 'run_spec.json') as { groups: string[] }).groups),
    metricNames: runs.flatMap((r) => (json(r, 'stats.json') as { name: { name: string } }[]).map((s) => s.name.name)),
  };
}

// The all_scenarios group HELM 0.5.16 wrote for the golden suite with --auto-generate-schema (run with the anchor
// install); its subgroups are in the order of a Python set there (mmlu, gsm), in first-seen order here.
const HELM_ALL_SCENARIOS = {
  name: 'all_scenarios',
  display_name: 'All Scenarios',
  description: 'All scenarios',
  metric_groups: [],
  subgroups: ['gsm', 'mmlu'],
  subgroup_display_mode: 'by_metric',
  subgroup_metric_groups_hidden: [],
  environment: {},
  category: 'Scenario Groups',
  visibility: 'all_groups',
  todo: false,
  adapter_keys_shown: ['model_deployment', 'model'],
};

describe('fixUpSchema', () => {
  const seen = suiteNames();

  it('leaves a schema with metrics, leaf groups and parent groups as it is (the classic one)', () => {
    expect(fixUpSchema(classic, seen)).toBe(classic);
  });

  it('puts an all_scenarios parent of the leaf groups first when no group has subgroups', () => {
    const leaves = classic.run_groups.filter((g) => ['gsm', 'mmlu'].includes(g.name));
    const fixed = fixUpSchema({ ...classic, run_groups: leaves }, seen);
    expect(fixed.run_groups.map((g) => g.name)).toEqual(['all_scenarios', 'mmlu', 'gsm']);
    expect(fixed.run_groups[0]).toEqual({ ...HELM_ALL_SCENARIOS, subgroups: ['mmlu', 'gsm'] });
    expect(allScenariosRunGroup(leaves)).toEqual(fixed.run_groups[0]);
  });

  it("adds the suite's groups after the others when no group is a leaf (facts read from the classic schema by default)", () => {
    const parent = runGroup({ name: 'mine', subgroups: ['gsm'] });
    const fixed = fixUpSchema({ ...classic, run_groups: [parent] }, seen);
    expect(fixed.run_groups.map((g) => g.name)).toEqual(['mine', 'gsm', 'mmlu']);
    expect(fixed.run_groups[1]).toMatchObject({
      display_name: 'GSM8K (Grade school math word problems)',
      short_display_name: 'GSM8K',
      metric_groups: classic.metric_groups.map((g) => g.name),
      environment: { main_name: 'exact_match_indicator', main_split: 'test' },
      category: 'Scenarios',
    });
  });

  it('generates metrics only when the schema has none, and keeps metric groups it has', () => {
    const fixed = fixUpSchema({ ...classic, metrics: [] }, { runGroupNames: [], metricNames: ['exact_match', 'my_metric', 'exact_match'] }, classic);
    expect(fixed.metrics).toEqual([classic.metrics.find((m) => m.name === 'exact_match')]);
    expect(fixed.metric_groups).toBe(classic.metric_groups);
  });

  it('skips suite groups it has no facts for: unknown ones, and leaves without a main metric', () => {
    const empty: HelmSchema = { metrics: [], perturbations: [], metric_groups: [], run_groups: [] };
    const fixed = fixUpSchema(empty, { runGroupNames: ['my_scenario', 'copyright_text', 'boolq'], metricNames: [] }, classic);
    expect(fixed.run_groups.map((g) => [g.name, g.environment])).toEqual([
      ['all_scenarios', {}],
      ['boolq', { main_name: 'quasi_exact_match', main_split: 'valid' }],
    ]);
  });
});

describe('autoGenerateSchema', () => {
  const auto = autoGenerateSchema(suiteNames(), classic);

  it("builds HELM's main_metric group and metric families of the suite's metrics", () => {
    expect(auto.metric_groups[0]).toEqual({
      name: 'main_metric',
      display_name: 'Main Metric',
      description: 'Main Metric',
      metrics: [{ name: '${main_name}', split: '${main_split}' }],
    });
    expect(auto.metric_groups.map((g) => g.name)).toEqual([
      'main_metric', 'general_information', 'efficiency_detailed', 'calibration_detailed', 'calibration',
    ]);
    // As in HELM's output for this suite: the same groups, named and shaped alike.
    expect(auto.metric_groups[4]).toEqual({
      name: 'calibration',
      display_name: 'Calibration',
      description: 'Calibration',
      metrics: [{ name: 'ece_10_bin', split: '${main_split}' }],
      aggregation_strategies: [],
    });
    expect(auto.metric_groups[2]!.metrics.map((m) => m.name)).toEqual(['training_co2_cost', 'training_energy_cost', 'inference_runtime']);
  });

  it("makes a run group per suite group, then all_scenarios first, and no adapter list (as HELM's)", () => {
    expect(auto.run_groups[0]).toEqual(HELM_ALL_SCENARIOS);
    expect(auto.run_groups.map((g) => [g.name, g.environment, g.metric_groups.length])).toEqual([
      ['all_scenarios', {}, 0],
      ['gsm', { main_name: 'exact_match_indicator', main_split: 'test' }, 5],
      ['mmlu', { main_name: 'exact_match', main_split: 'test' }, 5],
    ]);
    expect(Object.keys(auto.run_groups[2]!)).toEqual([
      'name', 'display_name', 'short_display_name', 'description', 'metric_groups', 'subgroups', 'subgroup_display_mode',
      'subgroup_metric_groups_hidden', 'environment', 'category', 'visibility', 'taxonomy', 'todo', 'adapter_keys_shown',
    ]);
    expect('adapter' in auto).toBe(false);
    expect(auto.perturbations).toEqual([]);
  });

  it("has the suite's stat names that the classic schema defines, first seen first", () => {
    expect(auto.metrics).toHaveLength(41);
    expect(auto.metrics.slice(0, 3).map((m) => m.name)).toEqual(['num_references', 'num_train_trials', 'num_prompt_tokens']);
  });
});
