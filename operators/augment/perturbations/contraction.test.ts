import { describe, expect, it } from 'vitest';
import { PythonRandom } from '../../../core/rng/python-random.ts';
import { contraction } from './contraction.ts';

// Expected strings: HELM v0.5.16 ContractionPerturbation under CPython 3.11.
const p = contraction();
const perturb = (text: string) => p.perturb(text, new PythonRandom('id2'));

describe('contraction', () => {
  it('contracts expansions followed by a space, matching case', () => {
    expect(perturb('She is a doctor, and I am a student. I would go and i would go, cannot have it. It IS NOT here')).toBe(
      "She's a doctor, and I'm a student. I'd go and i'd go, can't have it. It's NOT here",
    );
  });

  it('keeps the first listed expansion ("cannot" before "cannot have") and "is not" → "isn\'t"', () => {
    expect(perturb('cannot have it')).toBe("can't have it");
    expect(perturb('this is not it')).toBe("this isn't it");
    expect(perturb('Is Not it')).toBe("Isn't it"); // first letter upper → capitalize
  });

  it('never contracts at the end of the text or before punctuation', () => {
    expect(perturb('Is not, is not')).toBe('Is not, is not');
    expect(perturb('she is. he is')).toBe('she is. he is');
  });

  it('needs a word boundary in the Unicode sense', () => {
    expect(perturb('éshe is here')).toBe('éshe is here');
    expect(perturb('_she is here')).toBe('_she is here');
    expect(perturb('-she is here')).toBe("-she's here");
  });

  it("fails where HELM crashes: Python's IGNORECASE matches 'ſhe is ' but the lookup does not", () => {
    expect(() => perturb('\u017fhe is y')).toThrow(/crashes/);
    expect(() => perturb('\u0130s not a')).toThrow(/crashes/);
  });

  it('describes itself with no extra fields', () => {
    expect(JSON.stringify(p.description)).toBe(
      '{"name":"contraction","robustness":true,"fairness":false,"computed_on":"perturbed"}',
    );
  });
});
