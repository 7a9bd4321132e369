import { describe, expect, it } from 'vitest';
import { PythonRandom } from '../../../core/rng/python-random.ts';
import { expansion } from './expansion.ts';

// Expected strings: HELM v0.5.16 ExpansionPerturbation under CPython 3.11.
const p = expansion();
const perturb = (text: string) => p.perturb(text, new PythonRandom('id3'));

describe('expansion', () => {
  it("expands contractions with HELM's match_case", () => {
    expect(perturb("She's here, SHE'S, can't've, how'd'y do. I'd say DON'T, isn't it? Don't.")).toBe(
      'She is here, She is, cannot\'ve, how did\'y do. I would say Do not, is not it? Do not.',
    );
  });

  it('keeps lowercase "i\'d" as "i would" (an apostrophe is neither lower nor upper)', () => {
    expect(perturb("i'd go")).toBe('i would go');
  });

  it('does not touch expansions', () => {
    expect(perturb('Is not, is not')).toBe('Is not, is not');
  });

  it("deletes what Python's IGNORECASE matches but cannot look up, as HELM's re.sub does with None", () => {
    expect(perturb("x \u0131sn't y")).toBe('x  y');
    expect(perturb("x '\u017fhe's y")).toBe("x ' y");
    expect(() => perturb("x \u0130sn't y")).toThrow(/crashes/);
  });

  it('describes itself with no extra fields', () => {
    expect(JSON.stringify(p.description)).toBe(
      '{"name":"expansion","robustness":true,"fairness":false,"computed_on":"perturbed"}',
    );
  });
});
