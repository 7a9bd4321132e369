import { describe, expect, it } from 'vitest';
import { reference, type Instance } from '../../../core/instance.ts';
import { contrastSets } from './contrast-sets.ts';

const withContrast = (id: string, n: number): Instance => ({
  input: { text: 'original', kind: 'passage_question' },
  references: [reference('No', true)],
  split: 'valid',
  id,
  contrast_inputs: Array.from({ length: n }, (_, i) => ({ text: `contrast ${i}`, kind: 'passage_question' as const })),
  contrast_references: Array.from({ length: n }, (_, i) => [reference(`answer ${i}`, true)]),
});

// Expected indices: CPython 3.11 `Random(id if seed is None else str(seed) + id).choice(range(n))`, n = 1..6.
const HELM_CHOICES: [string, number | undefined, number[]][] = [
  ['id0', undefined, [0, 0, 2, 0, 4, 4]],
  ['id0', 2, [0, 1, 1, 3, 3, 3]],
  ['id7', undefined, [0, 1, 1, 2, 2, 2]],
  ['id123', undefined, [0, 0, 0, 1, 1, 1]],
  ['id123', 2, [0, 1, 1, 2, 2, 2]],
];

describe('contrastSets', () => {
  it("swaps in the contrast input and references HELM's rng.choice(range(n)) picks", () => {
    const perturbation = contrastSets();
    for (const [id, seed, choices] of HELM_CHOICES) {
      const picked = choices.map((_, k) => perturbation.apply(withContrast(id, k + 1), seed));
      expect(picked.map((p) => p.input.text)).toEqual(choices.map((i) => `contrast ${i}`));
      expect(picked.map((p) => p.references[0]!.output.text)).toEqual(choices.map((i) => `answer ${i}`));
    }
  });

  it('keeps the id, the contrast sets and the input kind, and sets the description with the seed', () => {
    const original = withContrast('id7', 3);
    const copy = contrastSets().apply(original, 2);
    expect(copy).toEqual({
      ...original,
      input: { text: 'contrast 1', kind: 'passage_question' },
      references: [reference('answer 1', true)],
      perturbation: { name: 'contrast_sets', robustness: true, fairness: false, computed_on: 'perturbed', seed: 2 },
    });
    expect(JSON.stringify(copy.perturbation)).toBe('{"name":"contrast_sets","robustness":true,"fairness":false,"computed_on":"perturbed","seed":2}');
  });

  it('leaves an instance without contrast sets as it is, apart from the description', () => {
    const plain: Instance = { input: { text: 'q' }, references: [], split: 'test', id: 'id3' };
    expect(contrastSets().apply(plain, undefined)).toEqual({
      ...plain,
      perturbation: { name: 'contrast_sets', robustness: true, fairness: false, computed_on: 'perturbed' },
    });
  });

  it('describes itself as HELM does', () => {
    const perturbation = contrastSets();
    expect(perturbation.name).toBe('contrast_sets');
    expect(JSON.stringify(perturbation.description)).toBe('{"name":"contrast_sets","robustness":true,"fairness":false,"computed_on":"perturbed"}');
  });
});
