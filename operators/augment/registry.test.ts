import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { pyFloat } from '../../core/py-float.ts';
import { PERTURBATION_SETS } from './perturbation-sets.ts';
import { createPerturbation, perturbations } from './registry.ts';

const A = 'helm.benchmark.augmentations';

describe('createPerturbation', () => {
  it('builds every implemented perturbation of the robustness sets, with HELM names', () => {
    const names = Object.entries(PERTURBATION_SETS)
      .filter(([set]) => !['synonym', 'contrast_sets', 'robustness_all'].includes(set))
      .flatMap(([, inner]) => Object.values(inner).flat())
      .filter((spec) => spec.class_name in perturbations)
      .map((spec) => createPerturbation(spec).name);
    expect(new Set(names)).toEqual(
      new Set(['extra_space', 'space', 'lowercase', 'contraction', 'expansion', 'filler_words', 'misspellings', 'typos', 'mild_mix']),
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
      ['dialect_perturbation.DialectPerturbation', /DialectPerturbation .*not supported yet/],
      ['synonym_perturbation.SynonymPerturbation', /SynonymPerturbation .*not supported yet/],
      ['person_name_perturbation.PersonNamePerturbation', /PersonNamePerturbation .*not supported yet/],
      ['gender_perturbation.GenderPerturbation', /GenderPerturbation .*not supported yet/],
      ['contrast_sets_perturbation.ContrastSetsPerturbation', /ContrastSetsPerturbation .*not supported yet/],
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
});
