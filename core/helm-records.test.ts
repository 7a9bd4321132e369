import { describe, expect, it } from 'vitest';
import { helmJson } from './helm-json.ts';
import { instanceJson, perInstanceStatsJson, perInstanceStatsNdjson } from './helm-records.ts';
import { perturbationDescription } from './metric-name.ts';
import { PyFloat } from './py-float.ts';
import { Stat } from './stat.ts';

describe('instanceJson', () => {
  it('writes a chat input as HELM 0.5.16 does: text, then messages', () => {
    const instance = {
      input: { text: '', messages: [{ role: 'user', content: 'Hi, caf\u00e9?' }, { role: 'assistant', content: 'Yes.' }] },
      references: [],
      split: 'test' as const,
      id: 'che0',
    };
    // json.dumps(asdict_without_nones(Instance(Input(messages=[...]), [], "test", id="che0")), indent=2)
    expect(helmJson(instanceJson(instance))).toBe(
      '{\n  "input": {\n    "text": "",\n    "messages": [\n      {\n        "role": "user",\n' +
        '        "content": "Hi, caf\\u00e9?"\n      },\n      {\n        "role": "assistant",\n' +
        '        "content": "Yes."\n      }\n    ]\n  },\n  "references": [],\n  "split": "test",\n  "id": "che0"\n}',
    );
  });

  it('writes a plain input as its text only, leaving our class marker out', () => {
    const instance = { input: { text: 'q', kind: 'passage_question' as const }, references: [], split: 'train' as const };
    expect(instanceJson(instance)['input']).toEqual({ text: 'q' });
    expect(Object.keys(instanceJson({ ...instance, contrast_inputs: [{ text: 'o', messages: [] }] }))).toEqual([
      'input', 'references', 'split', 'contrast_inputs',
    ]);
    expect(instanceJson({ ...instance, contrast_inputs: [{ text: 'o', messages: [] }] })['contrast_inputs']).toEqual([
      { text: 'o', messages: [] },
    ]);
  });
});

describe('perInstanceStatsNdjson', () => {
  const typo = perturbationDescription('typos', { robustness: true, seed: 1 }, { prob: new PyFloat(0.1) });
  const stats = [new Stat({ name: 'exact_match', split: 'test', perturbation: typo }).add(1), new Stat({ name: 'logprob', split: 'test' }).add(new PyFloat(-0.25))];
  it.each([
    ['an original instance', { instance_id: 'id7', train_trial_index: 0, stats }],
    ['a perturbed copy', { instance_id: 'id"7\u2028', perturbation: typo, train_trial_index: 2, stats }],
    ['an entry without stats', { instance_id: 'id8', train_trial_index: 0, stats: [] }],
  ])('writes %s exactly as JSON.stringify writes its record', (_, entry) => {
    expect(perInstanceStatsNdjson(entry)).toBe(JSON.stringify(perInstanceStatsJson(entry)));
  });
});
