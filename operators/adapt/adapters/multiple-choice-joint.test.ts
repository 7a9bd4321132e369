import { describe, expect, it } from 'vitest';
import { adapterSpec, type AdapterSpec } from '../../../core/adapter-spec.ts';
import { UserError } from '../../../core/errors.ts';
import { reference, type Instance } from '../../../core/instance.ts';
import { simpleTokenizer } from '../../request/tokenizers/simple-tokenizer.ts';
import { sampleExamples } from '../in-context-sample.ts';
import { localWindowService } from '../window-service.ts';
import { goldLabels, multipleChoiceJoint, questionWithChoices, referencePrefix } from './multiple-choice-joint.ts';

const ws = localWindowService({ tokenizerName: 'simple/tokenizer1', tokenizer: simpleTokenizer(), maxSequenceLength: 2048 });
const instance = (text: string, refs: readonly string[], correct: readonly number[], split: 'train' | 'test' = 'train'): Instance => ({
  id: text,
  input: { text },
  references: refs.map((t, i) => reference(t, correct.includes(i))),
  split,
});
const abc = ['First', 'Second', 'Third'];
const train = [instance('Second reference is correct', abc, [1]), instance('First and second references are correct', abc, [0, 1])];
const evalInstance = instance('First reference is correct', abc, [0], 'test');
const mcj = (overrides: Partial<AdapterSpec>) => adapterSpec({ method: 'multiple_choice_joint', ...overrides });
const stateOf = (spec: AdapterSpec, examples: readonly Instance[] = train, target = evalInstance) =>
  multipleChoiceJoint(spec, ws).requestsFor(target, 0, examples)[0]!;

// HELM v0.5.16 adaptation/adapters/test_multiple_choice_joint_adapter.py
describe('multipleChoiceJoint', () => {
  it('letters the references and answers with the first correct letter', () => {
    expect(stateOf(mcj({})).request.prompt).toBe(
      'Input: Second reference is correct\nA. First\nB. Second\nC. Third\nOutput: B\n\n' +
        'Input: First and second references are correct\nA. First\nB. Second\nC. Third\nOutput: A\n\n' +
        'Input: First reference is correct\nA. First\nB. Second\nC. Third\nOutput:',
    );
  });

  it('joins every correct letter with ", " under multi_label', () => {
    expect(stateOf(mcj({ multi_label: true })).request.prompt).toContain('C. Third\nOutput: A, B\n\n');
  });

  it('numbers from the first alphanumeric character of reference_prefix', () => {
    const spec = mcj({ reference_prefix: '  1: ' });
    const state = stateOf(spec, [train[0]!, instance('Third reference is correct', abc, [2])]);
    expect(state.request.prompt).toBe(
      'Input: Second reference is correct\n  1: First\n  2: Second\n  3: Third\nOutput: 2\n\n' +
        'Input: Third reference is correct\n  1: First\n  2: Second\n  3: Third\nOutput: 3\n\n' +
        'Input: First reference is correct\n  1: First\n  2: Second\n  3: Third\nOutput:',
    );
    expect(state.output_mapping).toEqual({ 1: 'First', 2: 'Second', 3: 'Third' });
  });

  it('replaces EVERY occurrence of the letter in the prefix (str.replace)', () => {
    const spec = mcj({ reference_prefix: '(A) A: ' });
    expect(referencePrefix(spec, '(A) A: ', 2)).toBe('(C) C: ');
    expect(stateOf(spec, []).request.prompt).toBe(
      'Input: First reference is correct\n(A) A: First\n(B) B: Second\n(C) C: Third\nOutput:',
    );
  });

  it('uses reference_prefix_characters when given', () => {
    const spec = mcj({ reference_prefix: 'a) ', reference_prefix_characters: ['x', 'y', 'z'] });
    const state = stateOf(spec, [train[0]!]);
    expect(state.request.prompt).toBe(
      'Input: Second reference is correct\nx) First\ny) Second\nz) Third\nOutput: y\n\n' +
        'Input: First reference is correct\nx) First\ny) Second\nz) Third\nOutput:',
    );
    expect(state.output_mapping).toEqual({ x: 'First', y: 'Second', z: 'Third' });
  });

  it('counts past Z with chr(ord(c) + i)', () => {
    expect(referencePrefix(mcj({}), 'A', 26)).toBe('[');
  });

  it('writes "n/a" when an example has no correct reference', () => {
    expect(stateOf(mcj({}), [instance('q', ['x', 'y'], [])]).request.prompt).toContain('B. y\nOutput: n/a\n\n');
  });

  it('shows the examples HELM picks when every label is unique (issue #2224)', () => {
    const spec = mcj({ max_train_instances: 3 });
    const trainSet = [
      instance('one', ['0', '1'], [0]),
      instance('two', ['2', '3'], [0]),
      instance('three', ['4', '5'], [0]),
      instance('four', ['6', '7'], [1]),
      instance('five', ['8', '9'], [1]),
    ];
    const state = stateOf(spec, sampleExamples(trainSet, spec, 0), instance('eval', ['10', '11'], [1], 'test'));
    expect(state.request.prompt).toBe(
      'Input: three\nA. 4\nB. 5\nOutput: A\n\nInput: two\nA. 2\nB. 3\nOutput: A\n\n' +
        'Input: one\nA. 0\nB. 1\nOutput: A\n\nInput: eval\nA. 10\nB. 11\nOutput:',
    );
  });

  it('asks for one completion with num_outputs top tokens and ignores the spec’s stop sequences', () => {
    const spec = mcj({ model: 'm/x', model_deployment: 'd/x', num_outputs: 4, max_tokens: 1, stop_sequences: ['\n'] });
    const state = stateOf(spec);
    expect(state.request).toMatchObject({
      model_deployment: 'd/x',
      model: 'm/x',
      num_completions: 1,
      top_k_per_token: 4,
      max_tokens: 1,
      stop_sequences: [],
      echo_prompt: false,
    });
    expect(state.output_mapping).toEqual({ A: 'First', B: 'Second', C: 'Third' });
    expect(state).toMatchObject({ train_trial_index: 0, num_train_instances: 2, prompt_truncated: false, num_conditioning_tokens: 0 });
  });

  it('rejects a reference_prefix without an alphanumeric character when the adapter is made', () => {
    expect(() => multipleChoiceJoint(mcj({ reference_prefix: '- ' }), ws)).toThrow(UserError);
  });

  it('throws where HELM raises IndexError: fewer reference_prefix_characters than references', () => {
    const adapter = multipleChoiceJoint(mcj({ reference_prefix_characters: ['x', 'y'] }), ws);
    expect(() => adapter.requestsFor(evalInstance, 0, [])).toThrow(UserError);
  });
});

describe('the joint block helpers', () => {
  const two = instance('Two right', ['x', 'y', 'z'], [0, 2]);

  it('questionWithChoices writes the input and one prefixed line per reference', () => {
    expect(questionWithChoices(mcj({ reference_prefix: '(A) ' }), two)).toBe('Input: Two right\n(A) x\n(B) y\n(C) z\n');
  });

  it('goldLabels gives the first correct label, all of them under multi_label, or n/a', () => {
    expect(goldLabels(mcj({}), two, 'A')).toBe('A');
    expect(goldLabels(mcj({ multi_label: true }), two, 'A')).toBe('A, C');
    // the chain-of-thought adapter labels with the whole prefix (HELM: "So: A. , C. ")
    expect(goldLabels(mcj({ multi_label: true }), two, 'A. ')).toBe('A. , C. ');
    expect(goldLabels(mcj({}), instance('none', ['x'], []), 'A')).toBe('n/a');
  });
});
