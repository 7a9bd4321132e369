import { describe, expect, it } from 'vitest';
import { adapterSpec, type AdapterSpec } from '../../../core/adapter-spec.ts';
import { UserError } from '../../../core/errors.ts';
import { reference, type Instance } from '../../../core/instance.ts';
import { pyFloat } from '../../../core/py-float.ts';
import { adaptedTexts, helmAdapterCase, simpleModelWindow, specText } from '../__fixtures__/helm-adapters.ts';
import { multipleChoiceJointChainOfThought } from './multiple-choice-joint-chain-of-thought.ts';

const METHOD = 'multiple_choice_joint_chain_of_thought';
const simple = { model_deployment: 'simple/model1', model: 'simple/model1' };

/** GPQA's few-shot chain-of-thought spec (capabilities_run_specs.py), with max_tokens 200 to fit simple/model1. */
const gpqa = adapterSpec({
  method: METHOD,
  instructions:
    'Here are some example questions from experts. An explanation is given before the final answer. ' +
    'Answer the final question yourself, giving your reasoning beforehand.\n',
  input_prefix: 'Question: ',
  input_suffix: '\nChoices: \n',
  reference_prefix: '(A) ',
  chain_of_thought_prefix: "Let's think step by step: ",
  chain_of_thought_suffix: 'The correct answer is ',
  output_prefix: '',
  global_suffix:
    'Give step by step reasoning before you answer, and when you\u2019re ready to answer, ' +
    'please use the format "The correct answer is (insert answer here)":',
  max_train_instances: 3,
  ...simple,
  temperature: pyFloat(0),
  max_tokens: 200,
  stop_sequences: ['\n'],
});

// Expected texts: HELM 0.5.16's MultipleChoiceJointChainOfThoughtAdapter.adapt (__fixtures__/make-helm-adapters.py).
describe('multipleChoiceJointChainOfThought against HELM', () => {
  it('writes each example’s reasoning, then its whole reference prefix as the answer (GPQA few-shot)', () => {
    const helm = helmAdapterCase('mcj_cot_gpqa_few_shot');
    expect(specText(gpqa)).toBe(helm.adapter_spec);
    expect(adaptedTexts(multipleChoiceJointChainOfThought, gpqa, helm.parsed)).toEqual(helm.request_states);
  });

  it('joins every correct prefix under multi_label and writes "n/a" without one', () => {
    const helm = helmAdapterCase('mcj_cot_multi_label');
    const spec = adapterSpec({
      method: METHOD,
      instructions: 'Pick.',
      chain_of_thought_prefix: 'Reasoning: ',
      chain_of_thought_suffix: '\nSo: ',
      multi_label: true,
      sample_train: false,
      num_outputs: 3,
      max_tokens: 7,
      stop_sequences: ['\n'],
      random: 'r',
      ...simple,
    });
    expect(specText(spec)).toBe(helm.adapter_spec);
    expect(adaptedTexts(multipleChoiceJointChainOfThought, spec, helm.parsed)).toEqual(helm.request_states);
  });

  it('asks zero-shot with an empty output prefix (MMLU-Pro)', () => {
    const helm = helmAdapterCase('mcj_cot_mmlu_pro');
    const spec = adapterSpec({
      method: METHOD,
      max_train_instances: 0,
      max_tokens: 400,
      input_prefix: 'What is the correct answer to this question: ',
      input_suffix: '\nChoices:\n',
      output_prefix: '',
      global_suffix:
        'Let\u2019s think step by step. Based on your reasoning, what is the single, most likely answer choice? ' +
        'Format your response as follows: "The correct answer is (insert answer here)".',
      ...simple,
    });
    expect(specText(spec)).toBe(helm.adapter_spec);
    expect(adaptedTexts(multipleChoiceJointChainOfThought, spec, helm.parsed)).toEqual(helm.request_states);
  });
});

const question = (extra_data?: Record<string, unknown>): Instance => ({
  id: 'q',
  input: { text: 'Which?' },
  references: [reference('x', false), reference('y', true)],
  split: 'train',
  ...(extra_data === undefined ? {} : { extra_data }),
});
const promptOf = (spec: AdapterSpec, examples: readonly Instance[]) =>
  multipleChoiceJointChainOfThought(spec, simpleModelWindow).requestsFor({ ...question(), split: 'test' }, 0, examples)[0]!;

describe('multipleChoiceJointChainOfThought', () => {
  const spec = adapterSpec({ method: METHOD, chain_of_thought_prefix: 'Because ', max_tokens: 1, num_outputs: 2 });

  it('puts the reasoning between the output prefix and the answer, with the joint request and mapping', () => {
    const state = promptOf(spec, [question({ chain_of_thought: 'y is right.' })]);
    expect(state.request.prompt).toBe(
      'Input: Which?\nA. x\nB. y\nOutput: Because y is right.\nB. \n\nInput: Which?\nA. x\nB. y\nOutput:',
    );
    expect(state.output_mapping).toEqual({ A: 'x', B: 'y' });
    expect(state.request).toMatchObject({ num_completions: 1, top_k_per_token: 2, stop_sequences: [] });
  });

  it('writes an empty reasoning when extra_data has none', () => {
    expect(promptOf(spec, [question({ other: 1 })]).request.prompt).toContain('Output: Because \nB. \n\n');
    expect(promptOf(spec, [question()]).request.prompt).toContain('Output: Because \nB. \n\n');
  });

  it('rejects a chain_of_thought that is not a string (HELM fails on str + it)', () => {
    expect(() => promptOf(spec, [question({ chain_of_thought: null })])).toThrow(UserError);
  });

  it('rejects a reference_prefix without a letter or digit, naming the method', () => {
    expect(() => multipleChoiceJointChainOfThought(adapterSpec({ method: METHOD, reference_prefix: '- ' }), simpleModelWindow)).toThrow(
      /multiple_choice_joint_chain_of_thought needs a letter or digit/,
    );
  });
});
