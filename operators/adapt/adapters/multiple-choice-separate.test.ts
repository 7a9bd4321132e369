import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adapterSpec, type AdapterSpec } from '../../../core/adapter-spec.ts';
import { reference, type Instance } from '../../../core/instance.ts';
import type { PendingRequest } from '../../../core/request.ts';
import { simpleTokenizer } from '../../request/tokenizers/simple-tokenizer.ts';
import { localWindowService } from '../window-service.ts';
import { multipleChoiceSeparateCalibrated, multipleChoiceSeparateOriginal } from './multiple-choice-separate.ts';

const ws = localWindowService({ tokenizerName: 'simple/tokenizer1', tokenizer: simpleTokenizer(), maxSequenceLength: 2048 });
const golden = new URL('../../../../shared/golden/helm-0.5.16/oracle-mmlu-anatomy-calibrated/helm/scenario_state.json', import.meta.url);

interface GoldenState extends PendingRequest {
  readonly result?: unknown;
}
const goldenState = JSON.parse(readFileSync(golden, 'utf8')) as { adapter_spec: AdapterSpec; request_states: GoldenState[] };
const withoutResult = ({ result: _result, ...state }: GoldenState): PendingRequest => state;

const instance = (text: string, refs: readonly string[], correct: number, split: 'train' | 'test' = 'train'): Instance => ({
  id: text,
  input: { text },
  references: refs.map((t, i) => reference(t, i === correct)),
  split,
});

describe('multiple_choice_separate_calibrated', () => {
  it("makes HELM's request states for the golden MMLU instance: per choice the original, then the calibration request", () => {
    const spec = adapterSpec(goldenState.adapter_spec);
    const first = goldenState.request_states.filter((state) => state.instance.id === 'id10');
    expect(first).toHaveLength(8);
    const ours = multipleChoiceSeparateCalibrated(spec, ws).requestsFor(first[0]!.instance, 0, []);
    // JSON round trip: HELM's records omit absent fields (output_mapping None) as ours do.
    expect(JSON.parse(JSON.stringify(ours))).toEqual(first.map(withoutResult));
  });
});

describe('multiple_choice_separate_original', () => {
  const spec = adapterSpec({
    method: 'multiple_choice_separate_original',
    input_prefix: 'Q: ',
    input_suffix: '\n',
    output_prefix: 'A: ',
    output_suffix: '\n',
    instructions: 'Pick one.',
    max_train_instances: 2,
    max_tokens: 0,
    model: 'simple/model1',
    model_deployment: 'simple/model1',
  });
  const train = [instance('2+2?', ['3', '4'], 1), instance('1+1?', ['2', '5'], 0)];
  const target = instance('3+3?', ['6', '7'], 0, 'test');

  it('ends each prompt with one choice after the examples, each example answered with its first correct reference', () => {
    const states = multipleChoiceSeparateOriginal(spec, ws).requestsFor(target, 1, train);
    expect(states.map((state) => state.request.prompt)).toEqual([
      'Pick one.\nQ: 2+2?\nA: 4\n\nQ: 1+1?\nA: 2\n\nQ: 3+3?\nA: 6\n',
      'Pick one.\nQ: 2+2?\nA: 4\n\nQ: 1+1?\nA: 2\n\nQ: 3+3?\nA: 7\n',
    ]);
    expect(states.map((state) => [state.reference_index, state.request_mode, state.train_trial_index, state.num_train_instances])).toEqual([
      [0, 'original', 1, 2],
      [1, 'original', 1, 2],
    ]);
    expect(states[0]!.request).toMatchObject({ temperature: 0, max_tokens: 0, num_completions: 1, echo_prompt: true, stop_sequences: [] });
    expect(states[0]!.output_mapping).toBeUndefined();
  });

  it('drops examples to fit the window, as the other in-context methods do', () => {
    const small = localWindowService({ tokenizerName: 'simple/tokenizer1', tokenizer: simpleTokenizer(), maxSequenceLength: 40 });
    const states = multipleChoiceSeparateOriginal(spec, small).requestsFor(target, 0, train);
    expect(states[0]!.request.prompt).toBe('Pick one.\nQ: 2+2?\nA: 4\n\nQ: 3+3?\nA: 6\n');
    expect(states[0]!.num_train_instances).toBe(1);
  });
});
