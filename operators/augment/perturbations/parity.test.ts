import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pyFloat } from '../../../core/py-float.ts';
import { applyPerturbation } from '../augment.ts';
import { contraction } from './contraction.ts';
import { expansion } from './expansion.ts';
import { extraSpace } from './extra-space.ts';
import { fillerWords } from './filler-words.ts';
import { lowercase } from './lowercase.ts';
import { mildMix } from './mild-mix.ts';
import { misspellings } from './misspellings.ts';
import { pythonCase } from '../../../core/python-case.ts';
import { space } from './space.ts';
import type { TextPerturbation } from './text-perturbation.ts';
import { typos } from './typos.ts';

const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../__fixtures__/${name}`, import.meta.url), 'utf8')) as T;

/** Random texts (misspelling keys, contractions, odd Unicode) run through HELM itself; see the fixture's `source`. */
const vectors = fixture<{
  cases: { text: string; id: string }[];
  results: Record<string, (string | null)[][]>;
}>('helm-perturbation-vectors.json');

const perturbations: Record<string, TextPerturbation> = {
  extra_space2: extraSpace({ num_spaces: 2 }),
  extra_space0: extraSpace({ num_spaces: 0 }),
  space3: space({ max_spaces: 3 }),
  lower: lowercase(),
  contraction: contraction(),
  expansion: expansion(),
  'misspelling0.5': misspellings({ prob: pyFloat(0.5) }),
  'misspelling1.0': misspellings({ prob: pyFloat(1.0) }),
  'typo0.1': typos({ prob: pyFloat(0.1) }),
  'typo0.5': typos({ prob: pyFloat(0.5) }),
  'filler0.3': fillerWords({ insert_prob: pyFloat(0.3), speaker_ph: false }),
  filler_default: fillerWords(),
  filler_max1: fillerWords({ insert_prob: pyFloat(0.9), max_num_insert: 1 }),
  mild_mix: mildMix(),
};

describe('parity with HELM 0.5.16 on random texts', () => {
  for (const [name, perturbation] of Object.entries(perturbations)) {
    it(`${name} gives HELM's output for seed None and seed 2`, () => {
      const got = vectors.cases.map(({ text, id }) =>
        [undefined, 2].map((seed) => applyPerturbation(perturbation, { input: { text }, references: [], split: 'test', id }, seed).input.text),
      );
      expect(got).toEqual(vectors.results[name]);
    });
  }
});

describe("pythonCase (HELM's match_case and str.capitalize)", () => {
  const cases = fixture<{ match_case: [string, string, string][]; capitalize: [string, string][] }>('python-case-vectors.json');
  const { matchCase, capitalize } = pythonCase();
  it('matches Python on every source/target pair', () => {
    expect(cases.match_case.map(([source, target]) => matchCase(source, target))).toEqual(cases.match_case.map((c) => c[2]));
  });
  it('capitalizes as Python does (ß → Ss, ǆ → ǅ, final sigma)', () => {
    expect(cases.capitalize.map(([text]) => capitalize(text))).toEqual(cases.capitalize.map((c) => c[1]));
  });
});
