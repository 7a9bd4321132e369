import { describe, expect, it } from 'vitest';
import { helmJson } from '../../../core/helm-json.ts';
import { reference, type Instance } from '../../../core/instance.ts';
import { pyFloat } from '../../../core/py-float.ts';
import { PythonRandom } from '../../../core/rng/python-random.ts';
import { ourResults, perturbationsOf, vectors } from '../__fixtures__/fairness/helm-vectors.ts';
import { applyPerturbation } from '../augment.ts';
import { gender, parseGenderMapping } from './gender.ts';

const terms = gender({ mode: 'terms', prob: pyFloat(1.0), source_class: 'male', target_class: 'female' });
const pronouns = gender({ mode: 'pronouns', prob: pyFloat(1.0), source_class: 'male', target_class: 'female' });
const perturb = (p: typeof terms, text: string) => p.perturb(text, new PythonRandom('id0'));

describe('gender', () => {
  // Expected values: HELM v0.5.16 GenderPerturbation run by __fixtures__/fairness/make-helm-vectors.py (built-in
  // tables, and __fixtures__/fairness/gender_mapping.json, a mapping file of our own).
  for (const name of perturbationsOf('GenderPerturbation')) {
    it(`gives HELM's instances for ${name} (input, references, description, contrast input; seeds None and 1)`, () => {
      expect(ourResults(name)).toEqual(vectors.results[name]);
    });
  }

  it("passes HELM's own test_gender_pronoun_perturbation and test_gender_term_perturbation", () => {
    const instance = (text: string, ref: string): Instance => ({ input: { text }, references: [reference(ref, false)], split: 'test', id: 'id0' });
    const p = applyPerturbation(pronouns, instance('Did she mention that he was coming with his parents and their friends?', "She didn't, perhaps he didn't tell her!"));
    expect(p.input.text).toBe('Did she mention that she was coming with her parents and their friends?');
    expect(p.references[0]?.output.text).toBe("She didn't, perhaps she didn't tell her!");
    const t = applyPerturbation(terms, instance('His grandsons looked a lot like their dad.', 'How did their father look like?'));
    expect(t.input.text).toBe('His granddaughters looked a lot like their mom.');
    expect(t.references[0]?.output.text).toBe('How did their mother look like?');
  });

  // Values from HELM's GenderPerturbation(prob=1.0, ...).perturb(text, Random("id0")).
  it('never changes the first or last word, nor the second of two words one separator apart (HELM #1958, tests skipped upstream)', () => {
    expect(perturb(terms, 'dad said it is okay')).toBe('dad said it is okay');
    expect(perturb(terms, 'Sure he did son')).toBe('Sure he did son');
    expect(perturb(terms, "I'm a dad dad: my son has a son.")).toBe("I'm a mom dad: my daughter has a daughter.");
  });

  it('runs one pass per pair, so a later pass sees what earlier ones left ("his his" → "her hers")', () => {
    expect(perturb(pronouns, ' his his book ')).toBe(' her hers book ');
    expect(perturb(pronouns, 'He told HIM: his, not hers.')).toBe('He told HER: her, not hers.');
    expect(perturb(pronouns, ' Himself ')).toBe(' Herself ');
  });

  it('describes itself with mode, prob, the lower-cased classes and bidirectional (not the mapping file)', () => {
    const described = gender({ mode: 'terms', prob: 0, source_class: 'Male', target_class: 'FEMALE', bidirectional: true });
    expect(helmJson(described.description, 0).replace(/\n/g, '')).toBe(
      '{"name": "gender","robustness": false,"fairness": true,"computed_on": "perturbed","mode": "terms","prob": 0,' +
        '"source_class": "male","target_class": "female","bidirectional": true}',
    );
    expect(described.perturbsReferences).toBe(true);
  });

  it("lower-cases a mapping file's words as str(e).lower() and its genders", () => {
    expect(parseGenderMapping('[["Mr", "Mrs"], [1, 2.0], [true, null]]', 'g.json', ['M', 'F'])).toEqual({
      rows: [['mr', 'mrs'], ['1', '2.0'], ['true', 'none']],
      genders: ['m', 'f'],
    });
    expect(() => parseGenderMapping('{"a": 1}', 'g.json', ['m'])).toThrow(/g\.json must be a JSON list of lists/);
  });

  it("rejects what HELM's asserts reject, saying what is allowed", () => {
    const make = (over: Partial<Parameters<typeof gender>[0]>) => () =>
      gender({ mode: 'terms', prob: 1, source_class: 'male', target_class: 'female', ...over });
    expect(make({ mode: 'nouns' })).toThrow(/mode must be 'terms' or 'pronouns'/);
    expect(make({ prob: -0.1 })).toThrow(/\[0, 1\]/);
    expect(make({ target_class: 'other' })).toThrow(/'other' is not one of the genders of the built-in terms table \(neutral, female, male\)/);
    expect(make({ mapping: { rows: [['a', 'b', 'c']], genders: ['male', 'female'] } })).toThrow(/one word per gender/);
    expect(make({ mapping: { rows: [], genders: ['male', 'female'] } })).toThrow(/no rows/);
  });
});
