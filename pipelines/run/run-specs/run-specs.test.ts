import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterSpecJson } from '../../../core/adapter-spec.ts';
import { helmJson } from '../../../core/helm-json.ts';
import { PyFloat } from '../../../core/py-float.ts';
import type { RunSpec } from '../../../core/run-spec.ts';
import { loadModelRegistry } from '../model-registry.ts';
import { parseObjectSpec } from '../object-spec.ts';
import { runEntriesToRunSpecs } from '../run-entries.ts';
import { multipleChoiceAdapterSpec, completionAdapterSpec } from './adapter-presets.ts';
import { RUN_SPEC_FUNCTIONS } from './registry.ts';
import { callRunSpecFunction } from './run-spec-function.ts';

// A copy of ../shared/golden/helm-0.5.16/mmlu-anatomy/run/run_spec.json (real HELM 0.5.16 output).
const GOLDEN = join(import.meta.dirname, '../__fixtures__/mmlu-anatomy.run_spec.json');
const registry = loadModelRegistry('/nonexistent/prod_env');

const runSpecJson = (runSpec: RunSpec): string =>
  helmJson({ ...runSpec, adapter_spec: adapterSpecJson(runSpec.adapter_spec) });

const call = (description: string): RunSpec => {
  const { name, args } = parseObjectSpec(description);
  return callRunSpecFunction(name, RUN_SPEC_FUNCTIONS[name as keyof typeof RUN_SPEC_FUNCTIONS], args);
};

describe('mmlu', () => {
  it("reproduces HELM's run_spec.json byte for byte", () => {
    const [runSpec, ...rest] = runEntriesToRunSpecs(
      [{ description: 'mmlu:subject=anatomy,model=simple/model1', priority: 1 }],
      { maxEvalInstances: 10 },
      registry,
    );
    expect(rest).toEqual([]);
    expect(runSpecJson(runSpec!)).toBe(readFileSync(GOLDEN, 'utf8').trimEnd());
  });

  it('names the method and writes the subject with spaces in the instructions', () => {
    const runSpec = call('mmlu:subject=high_school_us_history,method=multiple_choice_separate_original');
    expect(runSpec.name).toBe('mmlu:subject=high_school_us_history,method=multiple_choice_separate_original');
    expect(runSpec.adapter_spec.method).toBe('multiple_choice_separate_original');
    expect(runSpec.adapter_spec.output_prefix).toBe(' ');
    expect(runSpec.adapter_spec.max_train_instances).toBe(0);
    expect(call('mmlu:subject=high_school_us_history').adapter_spec.instructions).toBe(
      'The following are multiple choice questions (with answers) about high school us history.\n',
    );
  });

  it('rejects a missing subject, an unknown argument and an unknown method', () => {
    expect(() => call('mmlu')).toThrow(
      "Run spec function mmlu(subject, method=…) is missing required argument 'subject' (write e.g. mmlu:subject=…).",
    );
    expect(() => call('mmlu:subjct=anatomy')).toThrow(
      "Run spec function mmlu(subject, method=…) has no parameter 'subjct'; did you mean: subject? Its parameters: subject, method;",
    );
    expect(() => call('mmlu:subject=anatomy,method=joint')).toThrow(
      "Invalid adaptation method 'joint': expected one of multiple_choice_joint, multiple_choice_joint_chain_of_thought, " +
        'multiple_choice_separate_original, multiple_choice_separate_calibrated.',
    );
    expect(() => call('mmlu:subject=3')).toThrow('mmlu: subject=3 must be text, not a number.');
  });
});

describe('simple_mcqa', () => {
  it('is HELM SimpleMCQAScenario with the joint preset (max_tokens 5) and EM4', () => {
    const runSpec = call('simple_mcqa');
    expect(runSpec.name).toBe('simple_mcqa');
    expect(runSpec.scenario_spec).toEqual({ class_name: 'helm.benchmark.scenarios.simple_scenarios.SimpleMCQAScenario', args: {} });
    expect(adapterSpecJson(runSpec.adapter_spec)).toMatchObject({
      method: 'multiple_choice_joint',
      instructions: 'Answer the following questions with a single letter only.\n',
      input_prefix: 'Question: ',
      output_prefix: 'Answer: ',
      max_train_instances: 5,
      num_outputs: 5,
      max_tokens: 5,
      stop_sequences: ['\n'],
    });
    expect(runSpec.metric_specs.map((m) => m.class_name)).toEqual([
      'helm.benchmark.metrics.basic_metrics.BasicGenerationMetric',
      'helm.benchmark.metrics.basic_metrics.BasicReferenceMetric',
      'helm.benchmark.metrics.basic_metrics.InstancesPerSplitMetric',
    ]);
    expect(runSpec.groups).toEqual(['simple_mcqa']);
    expect(() => call('simple_mcqa:x=1')).toThrow("Run spec function simple_mcqa() has no parameter 'x'. Its parameters: none;");
  });
});

describe('boolq', () => {
  it('uses the generation preset with Passage/Answer and EM4 + the 6 bias metrics', () => {
    const runSpec = call('boolq');
    expect(runSpec.name).toBe('boolq');
    expect(runSpec.scenario_spec).toEqual({
      class_name: 'helm.benchmark.scenarios.boolq_scenario.BoolQScenario',
      args: { only_contrast: false },
    });
    expect(helmJson(adapterSpecJson(runSpec.adapter_spec))).toContain('"temperature": 0.0');
    expect(runSpec.adapter_spec).toMatchObject({
      method: 'generation',
      instructions: '',
      input_prefix: 'Passage: ',
      output_prefix: 'Answer: ',
      num_outputs: 1,
      max_tokens: 5,
      stop_sequences: ['\n'],
    });
    expect(runSpec.metric_specs.slice(3)).toEqual([
      { class_name: 'helm.benchmark.metrics.bias_metrics.BiasMetric', args: { mode: 'associations', demographic_category: 'race', target_category: 'adjective' } },
      { class_name: 'helm.benchmark.metrics.bias_metrics.BiasMetric', args: { mode: 'associations', demographic_category: 'race', target_category: 'profession' } },
      { class_name: 'helm.benchmark.metrics.bias_metrics.BiasMetric', args: { mode: 'associations', demographic_category: 'gender', target_category: 'adjective' } },
      { class_name: 'helm.benchmark.metrics.bias_metrics.BiasMetric', args: { mode: 'associations', demographic_category: 'gender', target_category: 'profession' } },
      { class_name: 'helm.benchmark.metrics.bias_metrics.BiasMetric', args: { mode: 'representation', demographic_category: 'race' } },
      { class_name: 'helm.benchmark.metrics.bias_metrics.BiasMetric', args: { mode: 'representation', demographic_category: 'gender' } },
    ]);
  });

  it('treats only_contrast=False as true, as HELM does (no boolean parsing), and passes the raw value on', () => {
    const runSpec = call('boolq:only_contrast=False');
    expect(runSpec.name).toBe('boolq:only_contrast=True');
    expect(runSpec.scenario_spec.args).toEqual({ only_contrast: 'False' });
    expect(call('boolq:only_contrast=0').name).toBe('boolq');
  });
});

describe('gsm', () => {
  it('follows the GSM8K paper: Q/A, 400 tokens, blank-line stop; no reference metrics', () => {
    const runSpec = call('gsm');
    expect(runSpec.name).toBe('gsm');
    expect(runSpec.scenario_spec.class_name).toBe('helm.benchmark.scenarios.gsm_scenario.GSM8KScenario');
    expect(runSpec.adapter_spec).toMatchObject({
      method: 'generation',
      input_prefix: 'Q: ',
      output_prefix: 'A: ',
      max_train_instances: 5,
      max_tokens: 400,
      stop_sequences: ['\n\n'],
    });
    expect(runSpec.metric_specs).toEqual([
      {
        class_name: 'helm.benchmark.metrics.basic_metrics.BasicGenerationMetric',
        args: { names: ['exact_match_indicator', 'final_number_exact_match'] },
      },
      { class_name: 'helm.benchmark.metrics.basic_metrics.InstancesPerSplitMetric', args: {} },
    ]);
    expect(runSpec.groups).toEqual(['gsm']);
  });
});

describe('adapter presets', () => {
  it('give the joint preset max_tokens 1 through get_multiple_choice_adapter_spec', () => {
    const spec = multipleChoiceAdapterSpec('multiple_choice_joint', { instructions: '', inputNoun: null, outputNoun: 'Answer' });
    expect(spec).toMatchObject({ instructions: '', input_prefix: '', input_suffix: '', max_tokens: 1, num_outputs: 5 });
    expect(spec.temperature).toBeInstanceOf(PyFloat);
  });

  it('build the completion preset', () => {
    expect(completionAdapterSpec({ instructions: 'Go', maxTokens: 20 })).toMatchObject({
      method: 'generation',
      instructions: 'Go\n',
      input_prefix: '',
      input_suffix: '',
      output_prefix: '',
      output_suffix: '',
      max_train_instances: 0,
      num_outputs: 1,
      max_tokens: 20,
      stop_sequences: [],
    });
  });
});
