import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { pyFloat } from '../../core/py-float.ts';
import { PERTURBATION_SETS } from './perturbation-sets.ts';
import { fixtureResources } from './__fixtures__/fairness/helm-vectors.ts';
import { createPerturbation, perturbations } from './registry.ts';

const A = 'helm.benchmark.augmentations';

describe('createPerturbation', () => {
  it('builds every implemented perturbation of the named sets, with HELM names', () => {
    const names = Object.entries(PERTURBATION_SETS)
      .filter(([set]) => !['synonym', 'contrast_sets', 'robustness_all'].includes(set))
      .flatMap(([, inner]) => Object.values(inner).flat())
      .filter((spec) => spec.class_name in perturbations)
      .map((spec) => createPerturbation(spec, fixtureResources).name);
    expect(new Set(names)).toEqual(
      new Set(['extra_space', 'space', 'lowercase', 'contraction', 'expansion', 'filler_words', 'misspellings', 'typos', 'mild_mix', 'dialect', 'person_name', 'gender']),
    );
  });

  it('describes the filler set with insert_prob only', () => {
    const [spec] = PERTURBATION_SETS['filler']!['filler0.3']!;
    expect(JSON.stringify(createPerturbation(spec!).description)).toBe(
      '{"name":"filler_words","robustness":true,"fairness":false,"computed_on":"perturbed","insert_prob":0.3}',
    );
  });

  it('keeps the int 0 of misspelling_sweep and the float 1.0 as given', () => {
    const [zero] = PERTURBATION_SETS['misspelling_sweep']!['misspelling0']!;
    expect(createPerturbation(zero!).description['prob']).toBe(0);
    const one = createPerturbation({ class_name: `${A}.typos_perturbation.TyposPerturbation`, args: { prob: pyFloat(1.0) } });
    expect(one.description['prob']).toEqual(pyFloat(1.0));
  });

  it('rejects unknown class names with close matches', () => {
    const make = () => createPerturbation({ class_name: `${A}.lowercase_perturbation.LowercasePerturbation`, args: {} });
    expect(make).toThrow(UserError);
    expect(make).toThrow(/Did you mean: helm\.benchmark\.augmentations\.lowercase_perturbation\.LowerCasePerturbation/);
  });

  it('names HELM perturbations that are not supported yet', () => {
    for (const [name, pattern] of [
      ['translate_perturbation.TranslatePerturbation', /TranslatePerturbation .*not supported yet: it needs the Google Translate API/],
      ['suffix_perturbation.SuffixPerturbation', /SuffixPerturbation .*not supported yet/],
    ] as const) {
      expect(() => createPerturbation({ class_name: `${A}.${name}`, args: {} })).toThrow(pattern);
    }
  });

  it('checks args as Python cls(**args) would', () => {
    const extra = `${A}.extra_space_perturbation.ExtraSpacePerturbation`;
    expect(() => createPerturbation({ class_name: extra, args: {} })).toThrow(/missing 'num_spaces'/);
    expect(() => createPerturbation({ class_name: extra, args: { num_spaces: pyFloat(2) } })).toThrow(/integer/);
    expect(() => createPerturbation({ class_name: `${A}.mild_mix_perturbation.MildMixPerturbation`, args: { prob: 1 } })).toThrow(
      /unexpected 'prob'.*no args/,
    );
    const typo = `${A}.typos_perturbation.TyposPerturbation`;
    expect(() => createPerturbation({ class_name: typo, args: { prob: '0.1' } })).toThrow(/'prob' must be a number/);
  });

  it('builds every spec of the fairness sets from prepared files, with HELM names and fairness descriptions', () => {
    const fairness = Object.entries(PERTURBATION_SETS)
      .filter(([set]) => /^(dialect|person_name|gender)_/.test(set) || set === 'fairness')
      .flatMap(([, inner]) => Object.values(inner).flat());
    expect(fairness.length).toBe(20); // 4 dialect, 5 person_name, 4 + 4 gender, and the 3 of `fairness`
    const built = fairness.map((spec) => createPerturbation(spec, fixtureResources));
    expect(new Set(built.map((p) => p.name))).toEqual(new Set(['dialect', 'gender', 'person_name']));
    expect(built.every((p) => p.description.fairness && !p.description.robustness)).toBe(true);
  });

  it('checks the fairness classes\' args as Python cls(**args) would', () => {
    const gender = `${A}.gender_perturbation.GenderPerturbation`;
    const args = { mode: 'terms', prob: 1, source_class: 'male', target_class: 'female' };
    expect(() => createPerturbation({ class_name: gender, args: { ...args, prob: undefined } })).toThrow(/'prob' must be a number/);
    expect(() => createPerturbation({ class_name: gender, args: { ...args, bidirectional: 'yes' } })).toThrow(/'bidirectional' must be true or false/);
    expect(() => createPerturbation({ class_name: gender, args: { ...args, mapping: 1 } })).toThrow(/unexpected 'mapping'/);
    const person = `${A}.person_name_perturbation.PersonNamePerturbation`;
    const personArgs = { prob: 1, source_class: 'white', target_class: { race: 'black_american' } };
    expect(() => createPerturbation({ class_name: person, args: personArgs }, fixtureResources)).toThrow(/'source_class' must be a non-empty \{category: value\}/);
    const dialect = `${A}.dialect_perturbation.DialectPerturbation`;
    expect(() => createPerturbation({ class_name: dialect, args: { prob: 1, source_class: 'SAE' } })).toThrow(/missing 'target_class'/);
  });
});
