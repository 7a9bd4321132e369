import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PyFloat } from '../../core/py-float.ts';
import { PERTURBATION_SETS } from './perturbation-sets.ts';

/** HELM 0.5.16's PERTURBATION_SPECS_DICT dumped by Python, numbers tagged `{int}` / `{float}` by type. */
const fixture = JSON.parse(readFileSync(new URL('./__fixtures__/perturbation-specs-dict.json', import.meta.url), 'utf8')) as {
  sets: unknown;
};

/** Our specs in the fixture's encoding, so int vs float is compared too. */
function tagNumbers(value: unknown): unknown {
  if (value instanceof PyFloat) return { float: value.value };
  if (typeof value === 'number') return { int: value };
  if (Array.isArray(value)) return value.map(tagNumbers);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tagNumbers(v)]));
  }
  return value;
}

describe('PERTURBATION_SETS', () => {
  it("equals HELM's PERTURBATION_SPECS_DICT: names, order, class names, arg values and Python types", () => {
    const ours = tagNumbers(PERTURBATION_SETS);
    expect(JSON.stringify(ours)).toBe(JSON.stringify(fixture.sets));
  });

  it('names runs by the inner name', () => {
    expect(Object.keys(PERTURBATION_SETS['extra_space']!)).toEqual(['extra_space2']);
    expect(Object.keys(PERTURBATION_SETS['typo_hard']!)).toEqual(['typo0.5']);
    expect(Object.keys(PERTURBATION_SETS['misspelling_sweep']!)).toEqual([
      'misspelling0',
      'misspelling0.05',
      'misspelling0.2',
      'misspelling0.5',
    ]);
    expect(Object.keys(PERTURBATION_SETS['gender_pronouns_deterministic']!)).toEqual([
      'gender_pronouns_prob=1.0_source=male_target=female',
    ]);
  });
});
