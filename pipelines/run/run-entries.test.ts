import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { PyFloat } from '../../core/py-float.ts';
import type { RunSpec } from '../../core/run-spec.ts';
import { SIMPLE_BUILTIN_DIR, testRegistry } from './__fixtures__/test-registry.ts';
import type { RunEntry } from './conf-file.ts';
import { loadModelRegistry, type ModelRegistry } from './model-registry.ts';
import { runEntriesToRunSpecs, validateRunEntries, type RunEntryOptions } from './run-entries.ts';

const builtin = loadModelRegistry('/nonexistent/prod_env', SIMPLE_BUILTIN_DIR);
const extended = testRegistry();

function build(
  entries: string | readonly RunEntry[],
  options: Partial<RunEntryOptions> = {},
  registry: ModelRegistry = builtin,
): RunSpec[] {
  const list = typeof entries === 'string' ? [{ description: entries, priority: 1 }] : entries;
  return runEntriesToRunSpecs(list, { maxEvalInstances: 10, warn: () => {}, ...options }, registry);
}
const names = (entries: string | readonly RunEntry[], options: Partial<RunEntryOptions> = {}, registry = builtin): string[] =>
  build(entries, options, registry).map((r) => r.name);
const one = (description: string, options: Partial<RunEntryOptions> = {}, registry = builtin): RunSpec => {
  const runSpecs = build(description, options, registry);
  expect(runSpecs).toHaveLength(1);
  return runSpecs[0]!;
};

describe('run names (HELM run_expander.py naming rules)', () => {
  it.each([
    ['mmlu:subject=anatomy,model=simple/model1', 'mmlu:subject=anatomy,method=multiple_choice_joint,model=simple_model1'],
    // data_augmentation always appends with ',' — before any ':' exists — so model then uses ':'.
    ['boolq:data_augmentation=robustness,model=simple/model1', 'boolq,data_augmentation=robustness:model=simple_model1'],
    ['boolq:model=simple/model1,data_augmentation=robustness', 'boolq:model=simple_model1,data_augmentation=robustness'],
    ['boolq:data_augmentation=extra_space,model=simple/model1', 'boolq,data_augmentation=extra_space2:model=simple_model1'],
    ['gsm:model=simple/model1,max_train_instances=zero', 'gsm:model=simple_model1,max_train_instances=0'],
    ['gsm:max_train_instances=one,model=simple/model1', 'gsm:max_train_instances=1,model=simple_model1'],
    ['gsm:stop=hash,model=simple/model1', 'gsm,stop=hash:model=simple_model1'],
    ['gsm:stop=none,max_train_instances=one,model=simple/model1', 'gsm,stop=none:max_train_instances=1,model=simple_model1'],
    ['gsm:prompt=qa,instructions=expert,model=simple/model1', 'gsm,prompt=qa,instructions=expert:model=simple_model1'],
    ['gsm:newline=br,global_prefix=nlg,model=simple/model1', 'gsm,newline=br,global_prefix=nlg:model=simple_model1'],
    [
      'mmlu:subject=anatomy,instructions=none,model=simple/model1',
      'mmlu:subject=anatomy,method=multiple_choice_joint,instructions=none,model=simple_model1',
    ],
    // No-rename expanders.
    ['gsm:add_to_stop=newline,temperature=0.5,increase_max_tokens=10,model=simple/model1', 'gsm:model=simple_model1'],
    ['gsm:format_prompt=Q:,output_format_instructions=math,model=simple/model1', 'gsm:model=simple_model1'],
    ['gsm:process_output=strip,increase_temperature=0.1,model=simple/model1', 'gsm:model=simple_model1'],
    ['boolq:eval_split=valid,model=simple/model1', 'boolq:eval_split=valid,model=simple_model1'],
    ['gsm:num_outputs=default,num_trials=heim_efficiency,model=simple/model1', 'gsm:num_outputs=1,num_trials=5,model=simple_model1'],
    ['gsm:num_train_trials=3,max_eval_instances=default,model=simple/model1', 'gsm:num_train_trials=3,max_eval_instances=1000,model=simple_model1'],
    ['gsm:num_output_tokens=7,num_prompt_tokens=16,model=simple/model1', 'gsm:num_output_tokens=7,num_prompt_tokens=16,model=simple_model1'],
    ['gsm:tokenizer=huggingface/gpt2,model=simple/model1', 'gsm:tokenizer=huggingface_gpt2,model=simple_model1'],
    // A float value keeps Python's str(): 3.0, not 3.
    ['gsm:num_prompt_tokens=3.0,model=simple/model1', 'gsm:num_prompt_tokens=3.0,model=simple_model1'],
    ['boolq:only_contrast=True,model=simple/model1', 'boolq:only_contrast=True,model=simple_model1'],
    ['simple_mcqa:model=simple/model1,data_augmentation=robustness', 'simple_mcqa:model=simple_model1,data_augmentation=robustness'],
    // model_deployment is an expander, and model=all is appended last.
    ['gsm:model_deployment=simple/model1', 'gsm:model_deployment=simple_model1,model=simple_model1'],
    // model=all (here: the built-in simple/model1) when no model is named.
    ['gsm', 'gsm:model=simple_model1'],
  ])('%s → %s', (description, expected) => {
    expect(names(description)).toEqual([expected]);
  });

  it('expands named value sets into one run each, in order', () => {
    expect(names('gsm:max_train_instances=all,model=simple/model1')).toEqual(
      [0, 1, 2, 4, 8, 16].map((n) => `gsm:max_train_instances=${n},model=simple_model1`),
    );
    expect(names('gsm:num_output_tokens=default_sweep,model=simple/model1')).toHaveLength(7);
    expect(names('boolq:data_augmentation=misspelling_sweep,model=simple/model1')).toEqual([
      'boolq,data_augmentation=misspelling0:model=simple_model1',
      'boolq,data_augmentation=misspelling0.05:model=simple_model1',
      'boolq,data_augmentation=misspelling0.2:model=simple_model1',
      'boolq,data_augmentation=misspelling0.5:model=simple_model1',
    ]);
  });

  it('runs expanders in description order (the name follows it)', () => {
    expect(names('mmlu:model=simple/model1,subject=anatomy,data_augmentation=canonical')).toEqual([
      'mmlu:subject=anatomy,method=multiple_choice_joint,model=simple_model1,data_augmentation=canonical',
    ]);
  });

  it('names a 3-part deployment by its model and sets both fields', () => {
    const runSpec = one('gsm:model=together/test/three', {}, extended);
    expect(runSpec.name).toBe('gsm:model=test_three');
    expect(runSpec.adapter_spec.model).toBe('test/three');
    expect(runSpec.adapter_spec.model_deployment).toBe('together/test/three');
    // A 2-part model name gets its default deployment.
    expect(one('gsm:model=test/three', {}, extended).adapter_spec.model_deployment).toBe('together/test/three');
  });
});

describe('model groups and --models-to-run', () => {
  it('expands model=text to the text models without deprecated ones, with tag-driven renames', () => {
    expect(names('gsm:model=text', {}, extended)).toEqual([
      'gsm:model=simple_model1',
      'gsm:model=test_newlines,stop=hash',
      'gsm:model=test_nlg,global_prefix=nlg',
      'gsm:model=test_chatml',
      'gsm:model=test_buggy',
      'gsm:model=test_instruct',
      'gsm:model=test_ablation',
      'gsm:model=test_three',
    ]);
    expect(names('gsm:model=code', {}, extended)).toEqual(['gsm:model=test_code']);
    expect(names('gsm:model=ablation_text', {}, extended)).toEqual(['gsm:model=test_ablation']);
    expect(names('gsm:model=instruction_following', {}, extended)).toEqual(['gsm:model=test_instruct']);
  });

  it('substitutes --models-to-run for a group or a missing model, before expansion', () => {
    expect(names('mmlu:subject=anatomy,model=text', { modelsToRun: ['simple/model1'] })).toEqual([
      'mmlu:subject=anatomy,method=multiple_choice_joint,model=simple_model1',
    ]);
    expect(names('gsm:model=text', { modelsToRun: ['simple/model1', 'test/nlg'] }, extended)).toEqual([
      'gsm:model=simple_model1',
      'gsm:model=test_nlg,global_prefix=nlg',
    ]);
    // Absent model: appended as the last arg, so after max_train_instances.
    expect(names('gsm:max_train_instances=zero', { modelsToRun: ['simple/model1'] })).toEqual([
      'gsm:max_train_instances=0,model=simple_model1',
    ]);
  });

  it('keeps an explicit org/model and then filters it against --models-to-run', () => {
    expect(names('gsm:model=simple/model1', { modelsToRun: ['test/nlg'] }, extended)).toEqual([]);
    expect(names('gsm:model=together/test/three', { modelsToRun: ['together/test/three'] }, extended)).toEqual([
      'gsm:model=test_three',
    ]);
  });
});

describe('helm-run overrides', () => {
  it('sets max_eval_instances only where unset', () => {
    expect(one('gsm:model=simple/model1').adapter_spec.max_eval_instances).toBe(10);
    const set = one('mmlu:subject=anatomy,max_eval_instances=5,model=simple/model1');
    expect(set.name).toBe('mmlu:subject=anatomy,method=multiple_choice_joint,max_eval_instances=5,model=simple_model1');
    expect(set.adapter_spec.max_eval_instances).toBe(5);
  });

  it('applies -t unless max_train_instances is 0, which forces 1 train trial', () => {
    expect(one('mmlu:subject=anatomy,model=simple/model1', { numTrainTrials: 3 }).adapter_spec.num_train_trials).toBe(3);
    expect(one('gsm:model=simple/model1,max_train_instances=zero', { numTrainTrials: 3 }).adapter_spec.num_train_trials).toBe(1);
    expect(one('gsm:num_train_trials=4,model=simple/model1').adapter_spec.num_train_trials).toBe(4);
    expect(one('gsm:num_train_trials=4,model=simple/model1', { numTrainTrials: 2 }).adapter_spec.num_train_trials).toBe(2);
  });

  it('appends conf groups sorted to the name and to the groups', () => {
    const entries = [
      { description: 'mmlu:subject=anatomy,model=simple/model1', priority: 1, groups: ['b_group', 'a_group'] },
      { description: 'gsm:model=simple/model1', groups: [] },
    ];
    const runSpecs = build(entries);
    expect(runSpecs.map((r) => r.name)).toEqual([
      'mmlu:subject=anatomy,method=multiple_choice_joint,model=simple_model1,groups=a_group-b_group',
      'gsm:model=simple_model1',
    ]);
    expect(runSpecs[0]!.groups).toEqual(['mmlu', 'b_group', 'a_group']);
  });

  it("filters by priority and by the run-spec function's groups (not the conf groups)", () => {
    const entries = [
      { description: 'gsm:model=simple/model1', priority: 2 },
      { description: 'boolq:model=simple/model1' },
      { description: 'mmlu:subject=anatomy,model=simple/model1', priority: 1, groups: ['x'] },
    ];
    expect(names(entries, { priority: 1 })).toEqual([
      'boolq:model=simple_model1',
      'mmlu:subject=anatomy,method=multiple_choice_joint,model=simple_model1,groups=x',
    ]);
    expect(names(entries, { groupsToRun: ['gsm', 'x'] })).toEqual(['gsm:model=simple_model1']);
  });
});

describe('adapter fields after expanders', () => {
  it('stop=hash makes "###\\n\\n" the example separator', () => {
    const adapter = one('gsm:stop=hash,model=simple/model1').adapter_spec;
    expect(adapter.instance_prefix).toBe('###\n\n');
    expect(adapter.stop_sequences).toEqual(['###']);
    expect(one('gsm:stop=none,model=simple/model1').adapter_spec).toMatchObject({ instance_prefix: '\n', stop_sequences: [] });
  });

  it('prompt, instructions, newline, add_to_stop, format_prompt', () => {
    expect(one('gsm:prompt=human_assistant,model=simple/model1').adapter_spec).toMatchObject({
      input_prefix: 'Human: What is the answer to "',
      input_suffix: '"?\n',
      output_prefix: 'Assistant: The answer is "',
      output_suffix: '".\n',
      stop_sequences: ['".'],
    });
    expect(one('mmlu:subject=anatomy,instructions=expert,model=simple/model1').adapter_spec.instructions).toBe(
      'I am an expert AI assistant who is here to help you with the following. ' +
        'The following are multiple choice questions (with answers) about anatomy.\n',
    );
    expect(one('gsm:newline=semicolon,model=simple/model1').adapter_spec.substitutions).toEqual([{ source: '\n', target: ';\n' }]);
    expect(one('gsm:add_to_stop=newline,add_to_stop=END,model=simple/model1').adapter_spec.stop_sequences).toEqual([
      '\n\n',
      'END',
    ]);
    expect(one('gsm:add_to_stop=newline,model=simple/model1').adapter_spec.stop_sequences).toEqual(['\n\n', '\n']);
    expect(one('gsm:format_prompt=Problem: ,model=simple/model1').adapter_spec).toMatchObject({
      input_prefix: 'Problem: ',
      output_prefix: '',
    });
  });

  it('keeps Python int vs float for temperature', () => {
    expect(one('gsm:temperature=1,model=simple/model1').adapter_spec.temperature).toBe(1);
    const half = one('gsm:temperature=0.5,model=simple/model1').adapter_spec.temperature;
    expect(half).toBeInstanceOf(PyFloat);
    expect((half as PyFloat).value).toBe(0.5);
    const raised = one('gsm:increase_temperature=1,model=simple/model1').adapter_spec.temperature;
    expect(raised).toBeInstanceOf(PyFloat); // 0.0 + 1 is a float
    expect((raised as PyFloat).value).toBe(1);
    expect(one('gsm:increase_max_tokens=100,model=simple/model1').adapter_spec.max_tokens).toBe(500);
  });

  it('output_format_instructions prepends a format line', () => {
    expect(one('mmlu:subject=anatomy,output_format_instructions=mmlu,model=simple/model1').adapter_spec.instructions).toBe(
      'Answer with only a single letter.\n\nThe following are multiple choice questions (with answers) about anatomy.\n',
    );
    expect(one('gsm:output_format_instructions=math,model=simple/model1').adapter_spec.instructions).toBe(
      'Wrap the final answer with the \\boxed{} command.\n',
    );
    expect(one('gsm:output_format_instructions=natural_qa_no_prefix_suffix,model=simple/model1').adapter_spec).toMatchObject({
      instructions: '',
      global_suffix: "\n\nAnswer with a short answer or a boolean 'yes' or 'no' answer. Do not include 'A:' in your answer.",
    });
  });

  it('follow_format_instructions sets the global prefix and suffix (instruct: only tagged models)', () => {
    const adapter = one('gsm:model=test/instruct,follow_format_instructions=instruct', {}, extended).adapter_spec;
    expect(adapter.global_prefix).toBe(
      'Here are some input-output examples. Read the examples carefully to figure out the mapping. ' +
        'The output of the last example is not given, and your job is to figure out what it is.\n\n',
    );
    expect(adapter.global_suffix).toBe(
      '\n\nPlease provide the output to this last example. It is critical to follow the format of the preceding outputs!\nA:',
    );
    expect(one('gsm:model=simple/model1,follow_format_instructions=instruct').adapter_spec.global_prefix).toBe('');
    expect(one('gsm:model=simple/model1,follow_format_instructions=all').adapter_spec.global_suffix).toMatch(/outputs!\nA:$/);
  });

  it('data_augmentation builds the augmenter spec from the named set', () => {
    const runSpec = one('boolq:data_augmentation=extra_space,model=simple/model1');
    expect(runSpec.data_augmenter_spec).toEqual({
      perturbation_specs: [
        { class_name: 'helm.benchmark.augmentations.extra_space_perturbation.ExtraSpacePerturbation', args: { num_spaces: 2 } },
      ],
      should_augment_train_instances: false,
      should_include_original_train: true,
      should_skip_unchanged_train: true,
      should_augment_eval_instances: true,
      should_include_original_eval: true,
      should_skip_unchanged_eval: true,
      seeds_per_instance: 1,
    });
    expect(one('boolq:data_augmentation=robustness,model=simple/model1').data_augmenter_spec.perturbation_specs).toEqual([
      { class_name: 'helm.benchmark.augmentations.mild_mix_perturbation.MildMixPerturbation', args: {} },
    ]);
    expect(one('boolq:data_augmentation=canonical,model=simple/model1').data_augmenter_spec.perturbation_specs).toHaveLength(4);
  });

  it('eval_split, num_prompt_tokens, tokenizer, process_output', () => {
    expect(one('boolq:eval_split=test,model=simple/model1').adapter_spec.eval_splits).toEqual(['test']);
    expect(one('gsm:num_prompt_tokens=16,tokenizer=huggingface/gpt2,model=simple/model1').scenario_spec.args).toEqual({
      num_prompt_tokens: 16,
      tokenizer: 'huggingface/gpt2',
    });
    expect(one('gsm:process_output=strip,model=simple/model1').metric_specs).toEqual([
      {
        class_name: 'helm.benchmark.metrics.output_processing_metric.OutputProcessingMetric',
        args: {
          processor: 'strip',
          metric_specs: [
            {
              class_name: 'helm.benchmark.metrics.basic_metrics.BasicGenerationMetric',
              args: { names: ['exact_match_indicator', 'final_number_exact_match'] },
            },
            { class_name: 'helm.benchmark.metrics.basic_metrics.InstancesPerSplitMetric', args: {} },
          ],
        },
      },
    ]);
  });

  it('tokenizer=default yields no run for an unmapped deployment, with a warning (as HELM)', () => {
    const warnings: string[] = [];
    expect(build('gsm:tokenizer=default,model=simple/model1', { warn: (m) => warnings.push(m) })).toEqual([]);
    expect(warnings[0]).toMatch(/^tokenizer=default knows no tokenizer for model deployment ''/);
  });
});

describe('model tags (alter_run_spec)', () => {
  it('NO_NEWLINES_TAG: stop=hash for generation and MCJ', () => {
    const runSpec = one('gsm:model=test/newlines', {}, extended);
    expect(runSpec.name).toBe('gsm:model=test_newlines,stop=hash');
    expect(runSpec.adapter_spec.stop_sequences).toEqual(['###']);
  });

  it('NLG_PREFIX_TAG: global_prefix=nlg', () => {
    expect(one('gsm:model=test/nlg', {}, extended).adapter_spec.global_prefix).toBe('[NLG]');
  });

  it('CHATML_MODEL_TAG: ChatML turns', () => {
    expect(one('gsm:model=test/chatml', {}, extended).adapter_spec).toMatchObject({
      instructions: '<|im_start|>user\n',
      instance_prefix: '',
      output_prefix: '<|im_end|>\n<|im_start|>assistant\nA: ',
      output_suffix: '<|im_end|>\n<|im_start|>user\n',
      stop_sequences: ['\n\n', '<|im_end|>'],
    });
    expect(one('mmlu:subject=anatomy,model=test/chatml', {}, extended).adapter_spec.instructions).toBe(
      '<|im_start|>system\nThe following are multiple choice questions (with answers) about anatomy.\n<|im_end|>\n<|im_start|>user\n',
    );
  });

  it('BUGGY_TEMP_0_TAG: temperature 0 becomes 1e-4', () => {
    const temperature = one('mmlu:subject=anatomy,model=test/buggy', {}, extended).adapter_spec.temperature;
    expect(temperature).toBeInstanceOf(PyFloat);
    expect((temperature as PyFloat).value).toBe(1e-4);
    expect(one('gsm:temperature=0.5,model=test/buggy', {}, extended).adapter_spec.temperature).toEqual(new PyFloat(0.5));
  });

  it('warns and assumes a full-functionality text model when metadata is missing', () => {
    // Unreachable with our registry (a deployment registers metadata for its model, as in HELM), so fake it.
    const registry: ModelRegistry = { ...builtin, model: () => undefined };
    const warnings: string[] = [];
    expect(names('gsm:model=simple/model1', { warn: (m) => warnings.push(m) }, registry)).toEqual(['gsm:model=simple_model1']);
    expect(warnings).toEqual([
      'Could not find model metadata for model simple/model1 in any model_metadata.yaml; falling back to default ' +
        'model metadata (a full-functionality text model).',
    ]);
  });
});

describe('errors', () => {
  const error = (description: string, registry = builtin): string => {
    try {
      build(description, {}, registry);
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      return (e as Error).message;
    }
    throw new Error(`no error for ${description}`);
  };

  it('names unknown functions, params, values and models with close matches', () => {
    expect(error('mmmlu:subject=anatomy,model=simple/model1')).toBe(
      "Unknown run spec function 'mmmlu'. Did you mean: mmlu?",
    );
    expect(error('mmlu:subject=anatomy,modle=simple/model1')).toMatch(/has no parameter 'modle'; did you mean: model\?/);
    expect(error('gsm:prompt=q_a,model=simple/model1')).toBe(
      "Unknown prompt value 'q_a'. Did you mean: qa, i_o? Valid values: human_assistant, question_answer, qa, input_output_html, input_output, i_o.",
    );
    expect(error('boolq:data_augmentation=robustnes,model=simple/model1')).toMatch(
      /^Unknown data_augmentation value 'robustnes'\. Did you mean: robustness/,
    );
    expect(error('gsm:model=simple/model2')).toMatch(/^Unknown model 'simple\/model2' \(in gsm:model=simple_model2\): no model deployment serves it\. Did you mean: simple\/model1\?/);
    expect(error('gsm:eval_split=train,model=simple/model1')).toBe("Unknown eval_split value 'train'. Valid values: test, valid.");
    expect(error('gsm:stop=hashes,model=simple/model1')).toMatch(/^Unknown stop value 'hashes'\. Did you mean: hash/);
    expect(error('gsm:max_train_instances=lots,model=simple/model1')).toBe(
      "max_train_instances=lots: expected an integer ≥ 0 or one of: zero, one, all, big_bench_few_shot_setting, vhelm, melt; got 'lots'.",
    );
    expect(error('gsm:max_train_instances=2.0,model=simple/model1')).toMatch(/got a float\.$/);
    expect(error('gsm:temperature=hot,model=simple/model1')).toBe('temperature=hot: expected a number.');
  });

  it('explains chatml instead of crashing like HELM', () => {
    expect(error('gsm:chatml=true,model=simple/model1')).toMatch(/^chatml cannot be set in a run entry/);
  });

  it('rejects a deployment serving another model, and methods an expander does not support', () => {
    expect(error('gsm:model=test/nlg,model_deployment=simple/model1', extended)).toBe(
      "Invalid run gsm:model=test_nlg,model_deployment=simple_model1: model deployment 'simple/model1' serves model 'simple/model1', not 'test/nlg'.",
    );
    expect(error('mmlu:subject=anatomy,follow_format_instructions=all,model=simple/model1')).toMatch(
      /^follow_format_instructions only supports the generation adaptation method/,
    );
    expect(error('gsm:follow_format_instructions=instruct,model=simple/model1')).toMatch(/needs the model first/);
    expect(error('gsm:output_format_instructions=mmlu,model=simple/model1')).toMatch(
      /^Unknown output_format_instructions \(generation\) value 'mmlu'/,
    );
  });
});

describe('validateRunEntries', () => {
  const entries = (...descriptions: string[]): RunEntry[] => descriptions.map((description) => ({ description }));

  it('needs --models-to-run for model groups and for entries without any model', () => {
    expect(() => validateRunEntries(entries('mmlu:subject=anatomy,model=text'), undefined, builtin)).toThrow(
      "--models-to-run must be set, because the model= run expander in 'mmlu:subject=anatomy,model=text' expands to several models",
    );
    expect(() => validateRunEntries(entries('gsm'), undefined, builtin)).toThrow(/no run entry names a model/);
    expect(() => validateRunEntries(entries('gsm:model_deployment=simple/model1'), undefined, builtin)).toThrow(
      /no run entry names a model/,
    );
    // HELM only requires that some entry names a model.
    expect(() => validateRunEntries(entries('gsm', 'gsm:model=simple/model1'), undefined, builtin)).not.toThrow();
    expect(() => validateRunEntries([], undefined, builtin)).toThrow(/^No run entries/);
    // Groups HELM does not treat as wildcards pass (text_to_image, vlm).
    expect(() => validateRunEntries(entries('gsm:model=vlm'), undefined, builtin)).not.toThrow();
  });

  it('checks --models-to-run names against models and deployments', () => {
    expect(() => validateRunEntries(entries('gsm:model=text'), ['simple/model1'], builtin)).not.toThrow();
    expect(() => validateRunEntries(entries('gsm:model=text'), ['together/test/three'], extended)).not.toThrow();
    expect(() => validateRunEntries(entries('gsm:model=text'), ['simple/modle1'], builtin)).toThrow(
      "Unknown model 'simple/modle1' passed to --models-to-run. Did you mean: simple/model1? Known models: simple/model1.",
    );
  });
});
