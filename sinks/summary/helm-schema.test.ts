import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { helmJson } from '../../core/helm-json.ts';
import { DEFAULT_SCHEMA_PATH, parseSchemaText, readSchema } from './helm-schema.ts';
import type { HelmSchema } from './helm-schema-types.ts';
import { parseSchema } from './schema-parse.ts';

const GOLDEN_SCHEMA = fileURLToPath(
  new URL('../../../shared/golden/helm-0.5.16/oracle-suite-small/helm/schema.json', import.meta.url),
);
const FIXTURES = fileURLToPath(new URL('./__fixtures__/schema/', import.meta.url));
const golden = JSON.parse(readFileSync(GOLDEN_SCHEMA, 'utf8')) as Record<string, unknown>;

/** A schema's JSON with every description's text replaced by a mark (its presence still counts). */
function withoutDescriptionTexts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDescriptionTexts);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === 'description' && typeof v === 'string' ? '<text>' : withoutDescriptionTexts(v)]),
  );
}
const sections = (s: HelmSchema | Record<string, unknown>) => ({
  metrics: s.metrics,
  perturbations: s.perturbations,
  metric_groups: s.metric_groups,
  run_groups: s.run_groups,
});

/** The UserError message of `read`. */
function messageOf(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('expected a UserError');
}
const parseYaml = (text: string, warnings: string[] = []) =>
  parseSchema(parseSchemaText(text, 'my.yaml'), 'my.yaml', (w) => warnings.push(w));

describe('readSchema of configs/schema_classic.yaml', () => {
  const classic = readSchema(DEFAULT_SCHEMA_PATH);

  it("is HELM's classic schema as HELM used it (golden schema.json), everything but the description texts, in order", () => {
    // helmJson keeps key order, so this also checks HELM's field order and which None fields are left out.
    expect(helmJson(withoutDescriptionTexts(sections(classic)))).toBe(helmJson(withoutDescriptionTexts(sections(golden))));
    expect([classic.metrics.length, classic.perturbations.length, classic.metric_groups.length, classic.run_groups.length]).toEqual([
      119, 7, 29, 128,
    ]);
  });

  it('has descriptions of its own, not the golden ones', () => {
    const texts = (s: ReturnType<typeof sections>) =>
      Object.values(s).flatMap((list) => (list as { description?: string }[]).flatMap((e) => e.description ?? []));
    const ours = texts(sections(classic));
    const helms = new Set(texts(sections(golden)));
    expect(ours).toHaveLength(119 + 7 + 6 + 128);
    expect(ours.filter((d) => helms.has(d))).toEqual([]);
  });

  it("carries HELM's facts: matchers, environments, sub-splits, visibility, adapter keys", () => {
    const group = (name: string) => classic.run_groups.find((g) => g.name === name)!;
    expect(classic.metric_groups.find((g) => g.name === 'fairness_detailed')!.metrics).toEqual([
      { name: '${main_name}', split: '${main_split}', perturbation_name: 'dialect' },
      { name: '${main_name}', split: '${main_split}', perturbation_name: 'race' },
      { name: '${main_name}', split: '${main_split}', perturbation_name: 'gender' },
    ]);
    expect(group('boolq').environment).toEqual({ main_name: 'quasi_exact_match', main_split: 'valid' });
    expect(group('real_toxicity_prompts').sub_splits).toEqual(['toxic', 'non-toxic']);
    expect(group('ablation_in_context')).toMatchObject({
      visibility: 'this_group_only',
      adapter_keys_shown: ['model', 'model_deployment', 'max_train_instances'],
      subgroup_metric_groups_hidden: ['robustness', 'fairness'],
    });
    expect(group('robustness_contrast_sets').subgroup_display_mode).toBe('by_group');
    expect(group('core_scenarios')).toMatchObject({ category: 'All scenarios', todo: false });
    expect('taxonomy' in group('core_scenarios')).toBe(false);
  });

  it("puts HELM's AdapterSpec field names in `adapter`, in HELM's order", () => {
    expect(classic.adapter!.map((f) => f.name)).toEqual((golden['adapter'] as { name: string }[]).map((f) => f.name));
    expect(classic.adapter).toHaveLength(32);
  });
});

describe('readSchema of a user schema in HELM format', () => {
  it('reads it exactly as HELM 0.5.16 does (asdict of read_schema, computed with HELM)', () => {
    const warnings: string[] = [];
    const ours = readSchema(join(FIXTURES, 'user-schema.yaml'), { onWarning: (w) => warnings.push(w) });
    const helm = JSON.parse(readFileSync(join(FIXTURES, 'user-schema.helm.json'), 'utf8')) as Record<string, unknown>;
    expect(helmJson(sections(ours))).toBe(helmJson(sections(helm)));
    expect(ours.adapter!.map((f) => f.name)).toEqual(helm['adapter']);
    expect(warnings).toEqual([
      "Schema " + join(FIXTURES, 'user-schema.yaml') + ": metrics[3] ('toxic_frac') has keys that HELM ignores: unit.",
      "Schema " + join(FIXTURES, 'user-schema.yaml') + ": run_groups[2] ('mmlu').taxonomy has keys that HELM ignores: main_name.",
    ]);
  });

  it('reads YAML 1.1 as PyYAML: yes/on are true, a lone n is text, folded text keeps its final newline', () => {
    const s = readSchema(join(FIXTURES, 'user-schema.yaml'));
    expect(s.metrics.map((m) => m.lower_is_better)).toEqual([false, true, undefined, true]);
    expect(s.run_groups[2]!.taxonomy).toEqual({ task: 'question answering', what: 'n', when: '2021', language: 'English' });
    expect(s.perturbations[1]!.description).toBe('Random typos in the input, folded over two lines.\n');
    expect(s.run_groups[4]!.todo).toBe(true);
  });

  it('takes the last of a repeated key, as PyYAML does', () => {
    expect(parseYaml('metrics:\n  - name: a\n    display_name: first\n    display_name: second\n').metrics).toEqual([
      { name: 'a', display_name: 'second' },
    ]);
  });

  it('fills in HELM defaults and follows anchors and merge keys', () => {
    const s = readSchema(join(FIXTURES, 'user-schema.yaml'));
    expect(s.run_groups[3]).toEqual({
      name: 'real_toxicity_prompts',
      display_name: 'RealToxicityPrompts',
      description: 'Continuations of prompts, scored for toxicity.',
      metric_groups: ['accuracy', 'robustness', 'general_information'],
      subgroups: [],
      sub_splits: ['toxic', 'non-toxic'],
      subgroup_display_mode: 'by_metric',
      subgroup_metric_groups_hidden: [],
      environment: { main_name: 'toxic_frac', main_split: 'test' },
      category: 'Scenarios',
      visibility: 'all_groups',
      todo: false,
      adapter_keys_shown: ['model_deployment', 'model'],
    });
    expect(s.metric_groups.map((g) => [g.hide_win_rates, g.aggregation_strategies])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
      [true, undefined],
      [undefined, []],
      [undefined, ['mean']],
    ]);
  });

  it('reads a .json schema with JSON.parse, as HELM does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'schema-'));
    const path = join(dir, 'schema.json');
    writeFileSync(path, JSON.stringify({ metrics: [{ name: 'exact_match', lower_is_better: false }] }));
    expect(readSchema(path).metrics).toEqual([{ name: 'exact_match', lower_is_better: false }]);
  });

  it('warns about a deprecated, non-empty adapter list and replaces it', () => {
    const warnings: string[] = [];
    const s = parseYaml('adapter:\n  - name: temperature\n', warnings);
    expect(s).toEqual({ metrics: [], perturbations: [], metric_groups: [], run_groups: [] });
    expect(warnings).toEqual(["Schema my.yaml: 'adapter' is deprecated and ignored (the AdapterSpec fields are filled in); remove it."]);
  });
});

describe('readSchema refuses what HELM refuses, with a message that says where', () => {
  it('names a missing file and the flag', () => {
    expect(messageOf(() => readSchema('/nonexistent/schema.yaml'))).toMatch(
      /^Cannot read the schema file \/nonexistent\/schema\.yaml: there is no such file\. --schema-path takes a HELM schema YAML file/,
    );
  });

  it('gives the line and column of broken YAML', () => {
    expect(messageOf(() => parseSchemaText('metrics:\n  - name: [a\n', 'my.yaml'))).toMatch(/^Schema my\.yaml:3:1 is not valid YAML: /);
  });

  it.each([
    [
      '',
      "Schema my.yaml: is empty. A HELM schema is a mapping with the lists 'metrics', 'perturbations', 'metric_groups' and 'run_groups'.",
    ],
    [
      '- a\n',
      'Schema my.yaml: the top level must be a mapping, not a list.',
    ],
    [
      'metrics:\n',
      'Schema my.yaml: metrics must be a list, not null (write [] for an empty list).',
    ],
    [
      'metrics:\n  - display_name: x\n',
      "Schema my.yaml: metrics[0] has no 'name'.",
    ],
    [
      'metrics:\n  - name: 2019\n',
      'Schema my.yaml: metrics[0].name must be a string, not the number 2019 (quote it in the YAML if it is meant as text).',
    ],
    [
      'metrics:\n  - name: a\n    lower_is_better: maybe\n',
      "Schema my.yaml: metrics[0] ('a').lower_is_better must be true or false, not the string 'maybe'.",
    ],
    [
      'metric_groups:\n  - name: g\n    metrics:\n      - name: a\n',
      "Schema my.yaml: metric_groups[0] ('g').metrics[0] ('a') has no 'split' (test, valid, __all__ or a template such as ${main_split}).",
    ],
    [
      'metric_groups:\n  - name: g\n    aggregation_strategies: [median]\n',
      "Schema my.yaml: metric_groups[0] ('g').aggregation_strategies[0] is 'median'; it must be one of: win_rate, mean.",
    ],
    [
      'run_groups:\n  - name: g\n    todo: null\n',
      "Schema my.yaml: run_groups[0] ('g').todo must be true or false, not null.",
    ],
    [
      'run_groups:\n  - name: g\n    category: null\n',
      "Schema my.yaml: run_groups[0] ('g').category must be a string, not null.",
    ],
    [
      'run_groups:\n  - name: g\n    metric_groups: accuracy\n',
      "Schema my.yaml: run_groups[0] ('g').metric_groups must be a list, not the string 'accuracy'.",
    ],
    [
      'run_groups:\n  - name: g\n    environment:\n      main_name: null\n',
      "Schema my.yaml: run_groups[0] ('g').environment.main_name must be a string, not null.",
    ],
    [
      'run_groups:\n  - name: g\n    taxonomy:\n      when: 2019-01-01\n',
      "Schema my.yaml: run_groups[0] ('g').taxonomy.when must be a string, not the date 2019-01-01 (quote it in the YAML if it is meant as text).",
    ],
    [
      'run_groups:\n  - name: g\n    visibility: hidden\n',
      "Schema my.yaml: run_groups[0] ('g').visibility is 'hidden'; it must be one of: all_groups, this_group_only, no_groups.",
    ],
  ])('refuses %j', (text, message) => {
    expect(messageOf(() => parseYaml(text))).toBe(message);
  });
});
