import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pyFloat } from '../../../core/py-float.ts';
import { applyPerturbation } from '../augment.ts';
import { posTagger } from './pos-tag.ts';
import { synonym } from './synonym.ts';
import { offlineEnsureFiles } from '../../../sources/__fixtures__/offline-lookup.ts';
import { loadWordnetResources } from './wordnet-resources.ts';

const fixture = new URL('../__fixtures__/synonym/', import.meta.url);
const { texts } = JSON.parse(readFileSync(new URL('texts.json', fixture), 'utf8')) as { texts: string[] };
/**
 * HELM 0.5.16's SynonymPerturbation.apply on texts.json (make-helm-vectors.py): HELM's code, NLTK's _morphy over
 * WordNet 3.0, with our tagger's tokens in place of spaCy's. `nltk39` is NLTK >= 3.9's _morphy, which we follow.
 */
const { results } = JSON.parse(readFileSync(new URL('helm-synonym-vectors.json', fixture), 'utf8')) as {
  results: Record<string, [string, string][]>;
};
const resources = await loadWordnetResources(fileURLToPath(new URL('output', fixture)), offlineEnsureFiles);
const tagger = posTagger();

const perturbAll = (prob: number): [string, string][] => {
  const perturbation = synonym({ prob: pyFloat(prob), resources, tagger });
  const apply = (text: string, id: string, seed?: number): string =>
    applyPerturbation(perturbation, { input: { text }, references: [], split: 'test', id }, seed).input.text;
  return texts.map((text, i) => [apply(text, `id${i}`), apply(text, `id${i}`, 2)]);
};

describe('synonym', () => {
  it("reproduces HELM's own test (test_perturbation.py), where our tags equal spaCy's", () => {
    const perturbation = synonym({ prob: pyFloat(1.0), resources, tagger });
    const instance = { input: { text: 'This was a good movie, would watch again.' }, references: [], split: 'test' as const, id: 'id0' };
    expect(applyPerturbation(perturbation, instance).input.text).toBe('This was a near motion-picture show, would check once more.');
  });

  it("gives HELM's output on the same tokens, for prob 0.5 and 1.0, seeds None and 2", () => {
    expect(perturbAll(0.5)).toEqual(results['nltk39 prob=0.5']);
    expect(perturbAll(1.0)).toEqual(results['nltk39 prob=1.0']);
  });

  it('keeps the case of the word it replaces and every character around the tokens', () => {
    const perturbation = synonym({ prob: pyFloat(1.0), resources, tagger });
    const apply = (i: number): string => applyPerturbation(perturbation, { input: { text: texts[i]! }, references: [], split: 'test', id: `id${i}` }).input.text;
    expect(apply(3)).toBe('WORLD LEADERS COPE WITH IN GENEVA TO TALK OVER CLIMATE CHANGE AND ECONOMIC GROWTH.');
    expect(apply(5)).toBe('  Conduce outer space, bivalent  space and a tabloid\thither; a intimately-sleep together, farseeing-run away display stop.  ');
  });

  it('draws nothing and changes nothing with prob 0', () => {
    const perturbation = synonym({ prob: 0, resources, tagger });
    expect(texts.map((text, i) => applyPerturbation(perturbation, { input: { text }, references: [], split: 'test', id: `id${i}` }).input.text)).toEqual(texts);
  });

  it('describes itself with prob, keeping int vs float, and perturbs the input only', () => {
    const perturbation = synonym({ prob: pyFloat(0.5), resources, tagger });
    expect(JSON.stringify(perturbation.description)).toBe('{"name":"synonym","robustness":true,"fairness":false,"computed_on":"perturbed","prob":0.5}');
    expect(synonym({ prob: 1, resources, tagger }).description['prob']).toBe(1);
    expect(perturbation.perturbsReferences).toBe(false);
  });
});
