import { describe, expect, it } from 'vitest';
import { adapterSpec, type AdapterSpec } from '../../../core/adapter-spec.ts';
import { reference, type Instance } from '../../../core/instance.ts';
import { pyFloat } from '../../../core/py-float.ts';
import { request } from '../../../core/request.ts';
import { simpleTokenizer } from '../../request/tokenizers/simple-tokenizer.ts';
import { localWindowService } from '../window-service.ts';
import { generation } from './generation.ts';

const ws = localWindowService({ tokenizerName: 'simple/tokenizer1', tokenizer: simpleTokenizer(), maxSequenceLength: 2048 });
const instance = (id: string, text: string, refs: readonly [string, boolean][], split: 'train' | 'test' = 'train'): Instance => ({
  id,
  input: { text },
  references: refs.map(([t, correct]) => reference(t, correct)),
  split,
});
const three = (correct: readonly boolean[]): [string, boolean][] =>
  ['First', 'Second', 'Third'].map((t, i) => [t, correct[i] ?? false]);
const train = [
  instance('t0', 'Second reference is correct', three([false, true])),
  instance('t1', 'First and second references are correct', three([true, true])),
];
const evalInstance = instance('e0', 'First reference is correct', three([true]), 'test');
const promptOf = (spec: AdapterSpec, examples: readonly Instance[] = train, target = evalInstance) =>
  generation(spec, ws).requestsFor(target, 0, examples)[0]!.request.prompt;

// HELM v0.5.16 adaptation/adapters/test_generation_adapter.py
describe('generation', () => {
  it('writes the first correct reference as each example’s output', () => {
    expect(promptOf(adapterSpec({ method: 'generation' }))).toBe(
      'Input: Second reference is correct\nOutput: Second\n\n' +
        'Input: First and second references are correct\nOutput: First\n\n' +
        'Input: First reference is correct\nOutput:',
    );
  });

  it('joins all correct references with ", " under multi_label', () => {
    expect(promptOf(adapterSpec({ method: 'generation', multi_label: true }))).toContain('Output: First, Second\n\n');
  });

  it('writes "n/a" for an example without a correct reference', () => {
    expect(promptOf(adapterSpec({ method: 'generation' }), [instance('t', 'q', [['x', false]])])).toBe(
      'Input: q\nOutput: n/a\n\nInput: First reference is correct\nOutput:',
    );
  });

  it('writes instructions, nouns and rstrips only the eval block’s output prefix', () => {
    const spec = adapterSpec({
      method: 'generation',
      instructions: 'Translate.\n',
      input_prefix: 'English: ',
      input_suffix: '\n',
      output_prefix: 'French:\n\t ',
      output_suffix: '\n',
      global_prefix: '### ',
      global_suffix: ' ###',
    });
    expect(promptOf(spec, [instance('t', 'cat', [['chat', true]])], instance('e', 'dog', [], 'test'))).toBe(
      '### Translate.\n\nEnglish: cat\nFrench:\n\t chat\n\nEnglish: dog\nFrench: ###',
    );
  });

  it('applies the expanders’ substitutions to the whole prompt', () => {
    const spec = adapterSpec({ method: 'generation', substitutions: [{ source: '\n', target: '<br>\n' }] });
    expect(promptOf(spec, [train[0]!])).toBe(
      'Input: Second reference is correct<br>\nOutput: Second<br>\n<br>\nInput: First reference is correct<br>\nOutput:',
    );
  });

  it('writes an image-generation style prompt with empty affixes and no examples', () => {
    const spec = adapterSpec({ method: 'generation', input_prefix: '', input_suffix: '', output_prefix: '', output_suffix: '' });
    expect(promptOf(spec, [], instance('e', 'a blue dog', [], 'test'))).toBe('a blue dog');
  });

  it('asks for num_outputs completions with the spec’s temperature, max_tokens, stop sequences and random', () => {
    const spec = adapterSpec({
      method: 'generation',
      model: 'simple/model1',
      model_deployment: 'simple/model1',
      num_outputs: 3,
      temperature: pyFloat(0.7),
      max_tokens: 42,
      stop_sequences: ['\n', '###'],
      random: 'seed',
    });
    const [state] = generation(spec, ws).requestsFor(evalInstance, 2, train);
    expect(state).toEqual({
      instance: evalInstance,
      train_trial_index: 2,
      request: request({
        model_deployment: 'simple/model1',
        model: 'simple/model1',
        prompt: state!.request.prompt,
        temperature: pyFloat(0.7),
        num_completions: 3,
        top_k_per_token: 1,
        max_tokens: 42,
        stop_sequences: ['\n', '###'],
        random: 'seed',
      }),
      num_train_instances: 2,
      prompt_truncated: false,
      num_conditioning_tokens: 0,
    });
    expect('output_mapping' in state!).toBe(false);
  });

  it('drops examples from the end to fit a tiny window, then truncates', () => {
    const tiny = (max: number) => localWindowService({ tokenizerName: 't', tokenizer: simpleTokenizer(), maxSequenceLength: max });
    const spec = adapterSpec({ method: 'generation', max_tokens: 1 });
    const eval0 = 'Input: First reference is correct\nOutput:';
    const first = 'Input: Second reference is correct\nOutput: Second\n';
    const fitsOne = [...first].length + 1 + [...eval0].length + 1;
    const one = generation(spec, tiny(fitsOne)).requestsFor(evalInstance, 0, train)[0]!;
    expect(one.num_train_instances).toBe(1);
    expect(one.request.prompt).toBe(`${first}\n${eval0}`);
    const cut = generation(spec, tiny(11)).requestsFor(evalInstance, 0, train)[0]!;
    expect(cut).toMatchObject({ num_train_instances: 0, prompt_truncated: true });
    expect(cut.request.prompt).toBe('Input: Fir');
  });
});
