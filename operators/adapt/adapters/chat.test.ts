import { describe, expect, it } from 'vitest';
import { adapterSpec } from '../../../core/adapter-spec.ts';
import { UserError } from '../../../core/errors.ts';
import type { Instance } from '../../../core/instance.ts';
import { pyFloat } from '../../../core/py-float.ts';
import { adaptedTexts, helmAdapterCase, simpleModelWindow, specText } from '../__fixtures__/helm-adapters.ts';
import { chat } from './chat.ts';

/** WildBench's spec (capabilities_run_specs.py) on simple/model1. */
const wildbench = adapterSpec({
  method: 'chat',
  input_prefix: '',
  output_prefix: '',
  max_tokens: 2000,
  num_outputs: 1,
  temperature: pyFloat(0),
  model_deployment: 'simple/model1',
  model: 'simple/model1',
});

// Expected texts: HELM 0.5.16's ChatAdapter.adapt (__fixtures__/make-helm-adapters.py).
describe('chat against HELM', () => {
  it('sends each eval instance’s messages with an empty prompt and no examples (WildBench)', () => {
    const helm = helmAdapterCase('chat_wildbench');
    expect(specText(wildbench)).toBe(helm.adapter_spec);
    expect(adaptedTexts(chat, wildbench, helm.parsed)).toEqual(helm.request_states);
  });

  it('keeps the spec’s random and adds the num_trials copies', () => {
    const helm = helmAdapterCase('chat_trials');
    const spec = { ...wildbench, num_trials: 2, random: 'seed' };
    expect(specText(spec)).toBe(helm.adapter_spec);
    expect(adaptedTexts(chat, spec, helm.parsed)).toEqual(helm.request_states);
  });
});

describe('chat', () => {
  const adapter = chat(wildbench, simpleModelWindow);
  const turn = { role: 'user', content: 'Hi' };
  const instance: Instance = { id: 'i1', input: { text: 'ignored', messages: [turn] }, references: [], split: 'test' };

  it('passes the history through as the request, whatever the examples', () => {
    const [state] = adapter.requestsFor(instance, 2, [instance]);
    expect(state).toMatchObject({ train_trial_index: 2, num_train_instances: 0, prompt_truncated: false });
    expect(state!.request).toMatchObject({ prompt: '', messages: [turn], num_completions: 1, max_tokens: 2000 });
  });

  it('sends an empty history as HELM does (it checks only for None)', () => {
    expect(adapter.requestsFor({ ...instance, input: { text: '', messages: [] } }, 0, [])[0]!.request.messages).toEqual([]);
  });

  it('rejects an instance without messages, naming it', () => {
    expect(() => adapter.requestsFor({ ...instance, input: { text: 'plain' } }, 0, [])).toThrow(UserError);
    expect(() => adapter.requestsFor({ ...instance, input: { text: 'plain' } }, 0, [])).toThrow(/instance i1 has none/);
  });
});
