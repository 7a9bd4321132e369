import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ViewInstance } from '../instance-view.ts';

const { buildInstances, queryInstances, compareInstances } = await import('./static-instances.js' as string);

// HELM 0.5.16's display files of the oracle suite (helm-run + helm-summarize).
const golden = new URL('../../../../shared/golden/helm-0.5.16/oracle-suite-small/helm/', import.meta.url);
const read = (run: string, file: string) => JSON.parse(readFileSync(new URL(`${encodeURIComponent(run)}/${file}`, golden), 'utf8'));
const files = (run: string) => ({ instances: read(run, 'instances.json'), predictions: read(run, 'display_predictions.json'), requests: read(run, 'display_requests.json') });
const CHAT = 'mmlu:subject=anatomy,method=multiple_choice_joint,model=oracle_chat-c';
const LEGACY = 'mmlu:subject=anatomy,method=multiple_choice_joint,model=oracle_legacy-b';
const EM = { name: 'exact_match', split: 'test' };

type Pred = { instance_id: string; predicted_text: string; mapped_output?: string; stats: Record<string, number> };

describe('static instances (HELM display files → /api/instances)', () => {
  const raw = files(LEGACY);
  const all = buildInstances(raw, EM);

  it('keeps instances.json order and joins each prediction and request by position', () => {
    expect(all.map((i: { instance_id: string }) => i.instance_id)).toEqual(raw.instances.map((i: { id: string }) => i.id));
    expect(all.map((i: { ordinal: number }) => i.ordinal)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    all.forEach((item: ViewInstance, n: number) => {
      const pred: Pred = raw.predictions[n];
      expect(item.variants).toHaveLength(1);
      const request = item.variants[0]!.trials[0]!.requests[0]!;
      expect(request.prompt).toBe(raw.requests[n].request.prompt);
      expect(request.completion).toBe(pred.predicted_text);
      expect(request.mapped_output).toBe(pred.mapped_output ?? null);
      expect(item.main_value).toBe(pred.stats.exact_match);
      expect(item.variants[0]!.references.map((r: { tags: string[] }) => r.tags)).toEqual(raw.instances[n].references.map((r: { tags: string[] }) => r.tags));
    });
  });

  it('marks outcomes from the main metric (legacy-b answers id7, id16, id27 and id29 correctly)', () => {
    const correct = queryInstances(all, { outcome: 'correct' });
    expect(correct.instances.map((i: { instance_id: string }) => i.instance_id)).toEqual(['id7', 'id16', 'id27', 'id29']);
    expect(queryInstances(all, { outcome: 'incorrect' }).total).toBe(4);
    expect(buildInstances(raw, null)[0].outcome).toBeNull();
  });

  it('searches input, prompt and completion case-insensitively, and pages', () => {
    const needle = raw.instances[2].input.text.slice(0, 12).toUpperCase();
    expect(queryInstances(all, { q: needle }).instances.map((i: { instance_id: string }) => i.instance_id)).toContain(raw.instances[2].id);
    expect(queryInstances(all, { q: 'no such text anywhere' }).total).toBe(0);
    const page = queryInstances(all, { offset: 6, limit: 20 });
    expect(page).toMatchObject({ total: 8, offset: 6, limit: 20 });
    expect(page.instances.map((i: { instance_id: string }) => i.instance_id)).toEqual(['id22', 'id29']);
    expect(queryInstances(all, { split: 'valid' }).total).toBe(0);
  });

  it('compares two runs instance by instance, differing rows first', () => {
    const a = buildInstances(files(CHAT), EM);
    const result = compareInstances(a, all, EM, { offset: 0, limit: 20 });
    const chat: Pred[] = read(CHAT, 'display_predictions.json');
    const legacy = new Map<string, Pred>(raw.predictions.map((p: Pred) => [p.instance_id, p]));
    const differs = chat.filter((p) => p.stats.exact_match !== legacy.get(p.instance_id)!.stats.exact_match);
    expect(result.total).toBe(8);
    expect(result.differing).toBe(differs.length);
    expect(result.differing).toBe(4);
    const id7 = result.rows.find((r: { instance_id: string }) => r.instance_id === 'id7');
    expect(id7.a).toEqual({ value: 0, completion: 'A', mapped_output: 'The diaphragm' });
    expect(id7.b).toEqual({ value: 1, completion: ' D', mapped_output: 'The hippocampus' });
    const flags = result.rows.map((r: { differs: boolean }) => r.differs);
    expect(flags).toEqual([...flags].sort((x, y) => Number(y) - Number(x)));
  });
});

describe('static instances with perturbed variants', () => {
  const typos = { name: 'typos', robustness: true, fairness: false, computed_on: 'perturbed', prob: 0.1 };
  const inst = (id: string, text: string, perturbation?: object) => ({
    input: { text }, references: [{ output: { text: 'yes' }, tags: ['correct'] }, { output: { text: 'no' }, tags: [] }], split: 'test', id,
    ...(perturbation ? { perturbation } : {}),
  });
  const pred = (id: string, text: string, em: number, perturbation?: object) => ({
    instance_id: id, ...(perturbation ? { perturbation } : {}), train_trial_index: 0, predicted_text: text, stats: { exact_match: em },
  });
  const req = (id: string, prompt: string, perturbation?: object) => ({ instance_id: id, ...(perturbation ? { perturbation } : {}), train_trial_index: 0, request: { prompt } });
  const all = buildInstances({
    instances: [inst('a', 'Is it so?'), inst('a', 'Is it sp?', typos), inst('b', 'Is it not?')],
    predictions: [pred('a', 'yes', 1), pred('a', 'no', 0, typos), pred('b', 'no', 0)],
    requests: [req('a', 'Q: Is it so?'), req('a', 'Q: Is it sp?', typos), req('b', 'Q: Is it not?')],
  }, { name: 'exact_match', split: 'test' });

  it('groups the variants of an instance, the original first, with the outcome of the original', () => {
    expect(all).toHaveLength(2);
    expect(all[0].variants.map((v: { perturbation_name: string | null }) => v.perturbation_name)).toEqual([null, 'typos']);
    expect(all[0].variants[1].perturbation).toEqual(typos);
    expect(all[0].variants[1].stats[0]).toMatchObject({ metric_name: 'exact_match', stat_perturbation_name: 'typos', computed_on: 'perturbed', mean: 0 });
    expect(all[0]).toMatchObject({ main_value: 1, outcome: 'correct' });
    expect(all[1]).toMatchObject({ main_value: 0, outcome: 'incorrect' });
  });

  it('filters by perturbation: a name keeps the original and that variant; "original" keeps originals only', () => {
    const typed = queryInstances(all, { perturbation: 'typos' });
    expect(typed.total).toBe(1);
    expect(typed.instances[0].variants.map((v: { input: string }) => v.input)).toEqual(['Is it so?', 'Is it sp?']);
    const originals = queryInstances(all, { perturbation: 'original' });
    expect(originals.instances.map((i: { variants: unknown[] }) => i.variants.length)).toEqual([1, 1]);
    expect(queryInstances(all, { q: 'IT SP' }).instances.map((i: { instance_id: string }) => i.instance_id)).toEqual(['a']);
  });

  it('compares with a run that lacks the perturbed variants: a full outer join, the one-sided rows differing', () => {
    const plain = queryInstances(all, { perturbation: 'original' }).instances;
    const result = compareInstances(plain, all, { name: 'exact_match', split: 'test' });
    expect(result).toMatchObject({ total: 3, differing: 1 });
    expect(result.rows[0]).toMatchObject({ instance_id: 'a', perturbation_name: 'typos', differs: true, a: { value: null, completion: null }, b: { value: 0, completion: 'no' } });
    expect(result.rows.slice(1).map((r: { instance_id: string }) => r.instance_id)).toEqual(['a', 'b']);
  });
});
