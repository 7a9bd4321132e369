import { describe, expect, it } from 'vitest';
import { adapterSpec } from '../../../core/adapter-spec.ts';
import { UserError } from '../../../core/errors.ts';
import { PyFloat, pyFloat } from '../../../core/py-float.ts';
import { DEFAULT_DATA_AUGMENTER_SPEC, type RunSpec } from '../../../core/run-spec.ts';
import { testRegistry } from '../__fixtures__/test-registry.ts';
import { chatml } from './chatml.ts';
import { pyAdd } from './decoding.ts';
import { appendArg, appendArgWithComma, type ExpanderContext } from './expander.ts';
import { anthropicClaude2, anthropicClaude3 } from './model-prompt-formats.ts';
import { modelGroups } from './model.ts';
import { RUN_EXPANDERS } from './registry.ts';

const context: ExpanderContext = { registry: testRegistry(), warn: () => {} };

const base = (name: string, overrides: Parameters<typeof adapterSpec>[0] = {}): RunSpec => ({
  name,
  scenario_spec: { class_name: 'S', args: { a: 1 } },
  adapter_spec: adapterSpec({ method: 'generation', output_prefix: 'Answer: ', ...overrides }),
  metric_specs: [],
  data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
  groups: ['g'],
});

const expand = (key: keyof typeof RUN_EXPANDERS, value: string | number | PyFloat, runSpec: RunSpec): RunSpec[] =>
  RUN_EXPANDERS[key](value, context)(runSpec);

describe('the registry', () => {
  it("has exactly HELM's 26 description keys", () => {
    expect(Object.keys(RUN_EXPANDERS)).toEqual([
      'instructions', 'prompt', 'newline', 'stop', 'format_prompt', 'follow_format_instructions', 'add_to_stop',
      'global_prefix', 'num_train_trials', 'max_train_instances', 'max_eval_instances', 'num_outputs', 'num_trials',
      'model', 'model_deployment', 'data_augmentation', 'tokenizer', 'num_prompt_tokens', 'num_output_tokens', 'chatml',
      'eval_split', 'output_format_instructions', 'temperature', 'increase_temperature', 'increase_max_tokens',
      'process_output',
    ]);
  });
});

describe('naming', () => {
  it('uses ":" first, then ","; the always-comma expanders use "," even first; "/" becomes "_"', () => {
    expect(appendArg(base('gsm'), 'model', 'a_b').name).toBe('gsm:model=a_b');
    expect(appendArg(base('mmlu:subject=x'), 'model', 'a_b').name).toBe('mmlu:subject=x,model=a_b');
    expect(appendArgWithComma(base('legal_support'), 'stop', 'hash').name).toBe('legal_support,stop=hash');
    expect(appendArgWithComma(base('x'), 'add', 'a/b').name).toBe('x,add=a_b');
  });

  it('writes values with Python str(): ints plain, floats with their ".0"', () => {
    expect(expand('num_prompt_tokens', 3, base('gsm'))[0]!.name).toBe('gsm:num_prompt_tokens=3');
    expect(expand('num_prompt_tokens', pyFloat(3), base('gsm'))[0]!.name).toBe('gsm:num_prompt_tokens=3.0');
    expect(expand('model_deployment', 'a/b/c', base('gsm'))[0]!.name).toBe('gsm:model_deployment=a_b_c');
  });
});

describe('model groups', () => {
  it('builds groups from tags, drops deprecated models, and restricts ablation_* to ABLATION_MODEL_TAG', () => {
    const groups = modelGroups(context.registry);
    expect(groups.get('all')).toEqual([
      'simple/model1', 'test/newlines', 'test/nlg', 'test/chatml', 'test/buggy', 'test/instruct', 'test/ablation',
      'test/code', 'test/three',
    ]);
    expect(groups.get('text_code')).toContain('test/code');
    expect(groups.get('ablation')).toEqual(['test/ablation']);
    expect(groups.get('ablation_code')).toEqual([]);
    expect(groups.has('ablation_all')).toBe(false);
    expect(groups.get('summarization_zs')).toEqual(['openai/davinci', 'openai/curie', 'openai/text-davinci-002', 'openai/text-curie-001']);
  });

  it('treats a value that is not a group as one model (even a deprecated one)', () => {
    const [runSpec] = expand('model', 'test/old', base('gsm'));
    expect(runSpec!.adapter_spec).toMatchObject({ model: 'test/old', model_deployment: '' });
    expect(() => expand('model', 3, base('gsm'))).toThrow(UserError);
  });
});

describe('value checks', () => {
  it('rejects values of the wrong type with the expander named', () => {
    expect(() => expand('format_prompt', 3, base('gsm'))).toThrow(
      'format_prompt=3: format_prompt takes text, but run-entry values that look like numbers are read as numbers.',
    );
    expect(() => expand('num_outputs', 0, base('gsm'))).toThrow(/num_outputs=0: expected an integer ≥ 1/);
    expect(() => expand('increase_max_tokens', pyFloat(1.5), base('gsm'))).toThrow(/got a float/);
    expect(() => expand('instructions', 'verbose', base('gsm'))).toThrow(
      "Unknown instructions value 'verbose'. Valid values: none, expert.",
    );
    expect(() => expand('newline', 'constructor', base('gsm'))).toThrow(/Unknown newline value 'constructor'/);
  });
});

describe('decoding', () => {
  it('adds like Python: int + int is an int, anything with a float is a float', () => {
    expect(pyAdd(1, 2)).toBe(3);
    expect(pyAdd(pyFloat(0), 1)).toEqual(new PyFloat(1));
    expect(pyAdd(1, 0.5)).toEqual(new PyFloat(1.5));
  });

  it('num_output_tokens sets max_tokens', () => {
    expect(expand('num_output_tokens', 'default_sweep', base('synthetic_efficiency:random=None')).map((r) => [r.name, r.adapter_spec.max_tokens])).toEqual(
      [1, 2, 4, 8, 16, 32, 64].map((n) => [`synthetic_efficiency:random=None,num_output_tokens=${n}`, n]),
    );
  });
});

describe('scenario args', () => {
  it('tokenizer=default maps the legacy deployments only', () => {
    const runSpec = base('synthetic_efficiency:random=None', { model_deployment: 'together/yalm' });
    const [out] = expand('tokenizer', 'default', runSpec);
    expect(out!.name).toBe('synthetic_efficiency:random=None,tokenizer=yandex_yalm');
    expect(out!.scenario_spec.args).toEqual({ a: 1, tokenizer: 'yandex/yalm' });
  });
});

describe('output_format_instructions', () => {
  it('uses the single-letter default for any multiple-choice key and the chain-of-thought table', () => {
    const mcj = base('x', { method: 'multiple_choice_joint', instructions: 'Old.\n' });
    expect(expand('output_format_instructions', 'anything', mcj)[0]!.adapter_spec.instructions).toBe(
      'Answer with only a single letter.\n\nOld.\n',
    );
    const cot = base('x', { method: 'multiple_choice_joint_chain_of_thought' });
    expect(expand('output_format_instructions', 'gpqa_suffix', cot)[0]!.adapter_spec.global_suffix).toBe(
      '\n\nIn your response, replace "insert answer here" with the single uppercase letter corresponding to your answer.',
    );
    const legal = base('x', { output_prefix: 'Label: ' });
    expect(expand('output_format_instructions', 'legalbench', legal)[0]!.adapter_spec.instructions).toBe('Answer with the label.\n');
    expect(() => expand('output_format_instructions', 'mmlu', base('x', { method: 'language_modeling' }))).toThrow(
      /supports the methods multiple_choice_joint, generation and multiple_choice_joint_chain_of_thought/,
    );
  });
});

describe('tag-only prompt formats', () => {
  it('ChatML special-cases msmarco and summarization output prefixes', () => {
    const msmarco = base('msmarco:track=regular', { output_prefix: 'Does the passage answer the query?\nAnswer: ' });
    expect(chatml(msmarco)[0]!.adapter_spec.output_prefix).toBe(
      'Does the passage answer the query?<|im_end|>\n<|im_start|>assistant\nAnswer: ',
    );
    const summary = base('summarization_xsum:temperature=0.3', { output_prefix: 'Summarize the above article in 1 sentence.\n' });
    expect(chatml(summary)[0]!.adapter_spec.output_prefix).toBe(
      'Summarize the above article in 1 sentence.\n<|im_end|>\n<|im_start|>assistant\n',
    );
  });

  it('Anthropic Claude 2 wraps in Human/Assistant turns; Claude 3 drops whitespace-only stops', () => {
    expect(anthropicClaude2(base('x'))[0]!.adapter_spec).toMatchObject({
      global_prefix:
        '\n\nHuman: Here are some input-output examples. Read the examples carefully to figure out the mapping. ' +
        'The output of the last example is not given, and your job is to figure out what it is.\n\n',
      global_suffix:
        '\n\nPlease provide the output to this last example. It is critical to follow the format of the preceding outputs!' +
        '\n\nAssistant: Answer:',
    });
    expect(anthropicClaude3(base('x', { stop_sequences: ['\n', '###', ' '] }))[0]!.adapter_spec.stop_sequences).toEqual(['###']);
  });
});
