import { describe, expect, it } from 'vitest';
import { adapterSpec, type AdapterSpec } from '../../../core/adapter-spec.ts';
import { reference, type Instance } from '../../../core/instance.ts';
import { pyFloat } from '../../../core/py-float.ts';
import { adaptedTexts, helmAdapterCase, simpleModelWindow, specText } from '../__fixtures__/helm-adapters.ts';
import { rankingBinary } from './ranking-binary.ts';

/** HELM's msmarco spec: `get_ranking_binary_adapter_spec(max_train_instances=4, stop_sequences=["\n"])`. */
const msmarco = (overrides: Partial<AdapterSpec> = {}): AdapterSpec =>
  adapterSpec({
    method: 'ranking_binary',
    input_prefix: 'Query: ',
    reference_prefix: 'Passage: ',
    output_prefix: 'Does the passage answer the query?\nAnswer: ',
    max_train_instances: 2,
    num_outputs: 1,
    model_deployment: 'simple/model1',
    model: 'simple/model1',
    temperature: pyFloat(0),
    max_tokens: 5,
    stop_sequences: ['\n'],
    ...overrides,
  });
const instructions = 'Say whether the passage answers the query.\n';

// Expected texts: HELM 0.5.16's BinaryRankingAdapter.adapt on the same instances (__fixtures__/make-helm-adapters.py).
describe('rankingBinary against HELM', () => {
  it('asks once per document of each eval query, after two train queries of two blocks each (msmarco)', () => {
    const helm = helmAdapterCase('ranking_binary_msmarco');
    expect(specText(msmarco())).toBe(helm.adapter_spec);
    expect(adaptedTexts(rankingBinary, msmarco(), helm.parsed)).toEqual(helm.request_states);
  });

  it('drops a whole train query (both its blocks) to fit the window', () => {
    const helm = helmAdapterCase('ranking_binary_fits_one');
    const spec = msmarco({ instructions, max_tokens: 1713 });
    expect(specText(spec)).toBe(helm.adapter_spec);
    expect(adaptedTexts(rankingBinary, spec, helm.parsed)).toEqual(helm.request_states);
  });

  it('cuts the prompt from the right when no train query fits', () => {
    const helm = helmAdapterCase('ranking_binary_cut');
    const spec = msmarco({ instructions, max_tokens: 2028 });
    expect(specText(spec)).toBe(helm.adapter_spec);
    expect(adaptedTexts(rankingBinary, spec, helm.parsed)).toEqual(helm.request_states);
  });
});

const doc = (text: string, correct: boolean) => reference(text, correct);
const train: Instance = { id: 't', input: { text: 'q1' }, references: [doc('d1', true), doc('d2', false)], split: 'train' };
const evalQuery: Instance = { id: 'e', input: { text: 'q2' }, references: [doc('d3', false), doc('d4', true)], split: 'test' };

describe('rankingBinary', () => {
  it('labels train documents Yes/No and leaves the eval answer open', () => {
    const [first, second] = rankingBinary(msmarco(), simpleModelWindow).requestsFor(evalQuery, 3, [train]);
    const trainText =
      'Passage: d1\nQuery: q1\nDoes the passage answer the query?\nAnswer: Yes\n\n' +
      'Passage: d2\nQuery: q1\nDoes the passage answer the query?\nAnswer: No\n\n';
    expect(first!.request.prompt).toBe(`${trainText}Passage: d3\nQuery: q2\nDoes the passage answer the query?\nAnswer:`);
    expect(second!.request.prompt).toBe(`${trainText}Passage: d4\nQuery: q2\nDoes the passage answer the query?\nAnswer:`);
    expect(second).toMatchObject({ reference_index: 1, request_mode: 'original', train_trial_index: 3, num_train_instances: 1 });
    expect('output_mapping' in second!).toBe(false);
  });

  it('asks num_outputs completions with the spec’s stop sequences and random', () => {
    const spec = msmarco({ num_outputs: 2, random: 'r', stop_sequences: ['###'] });
    const [state] = rankingBinary(spec, simpleModelWindow).requestsFor(evalQuery, 0, []);
    expect(state!.request).toMatchObject({ num_completions: 2, top_k_per_token: 1, stop_sequences: ['###'], random: 'r', max_tokens: 5 });
  });

  it('makes no request for a query without documents', () => {
    expect(rankingBinary(msmarco(), simpleModelWindow).requestsFor({ ...evalQuery, references: [] }, 0, [train])).toEqual([]);
  });
});
