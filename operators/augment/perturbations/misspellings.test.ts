import { describe, expect, it } from 'vitest';
import { pyFloat } from '../../../core/py-float.ts';
import { PythonRandom } from '../../../core/rng/python-random.ts';
import { misspellings } from './misspellings.ts';

// Expected strings: HELM v0.5.16 MisspellingPerturbation under CPython 3.11, rng = Random(id) / Random("1" + id).
const half = misspellings({ prob: pyFloat(0.5) });
const always = misspellings({ prob: pyFloat(1.0) });
const run = (p: typeof half, text: string, seed: string) => p.perturb(text, new PythonRandom(seed));

describe('misspellings', () => {
  it("reproduces HELM's docstring sentence", () => {
    const text = 'Already, the new product is not available.';
    expect(run(half, text, 'id0')).toBe('Already, hten new product is onot available.');
    expect(run(half, text, '1id0')).toBe('Already, tjhe new product is onot avaliable.');
    expect(run(always, text, 'id0')).toBe('Alreayd, hten new product is nto avaliable.');
    expect(run(always, text, '1id0')).toBe('Aready, teh new product is onot avaliable.');
  });

  it('draws per matched word, in order', () => {
    const text = 'She is a doctor, and I am a student. They are not here; it is what it is';
    expect(run(half, text, 'id12')).toBe('She is a doctor, andd I am a student. They are not here; it is whta it is');
    expect(run(always, text, 'id12')).toBe('She is a doctor, andd I am a sudent. Tyhe are nto htere; it is waht it is');
  });

  it('matches keys case-sensitively, in file order, with Python word boundaries', () => {
    // "THE" is no key; "countries'" (ending in an apostrophe) needs a word character after it;
    // "about a" and "a lot" are keys with a space.
    const text = "ABOUT the accomodation: Countries' rules and countries'x about a lot";
    expect(run(half, text, 'id3')).toBe("ABOUT the accomodation: Ocuntries' rules adn countries'x about a lot");
    expect(run(always, text, 'id3')).toBe("ABOUT teh accomodation: Ocuntries' rules adn countrie's'x abbout alot");
    expect(run(always, text, '1id3')).toBe("ABOUT tje accomodation: Counries' rules anbd ocuntries'x abbout alot");
  });

  it('keeps the case of capitalised keys', () => {
    const text = 'Was he the first? THE Beginning and the end of the Beginning';
    expect(run(always, text, 'id42')).toBe('Weas he tje firts? THE Begining andd thge end of thge Begining');
    expect(run(always, text, '1id42')).toBe('Wass he thge firts? THE Begining adn ther end of ther Bigining');
  });

  it('describes itself with prob, keeping int vs float', () => {
    expect(JSON.stringify(misspellings({ prob: pyFloat(0.05) }).description)).toBe(
      '{"name":"misspellings","robustness":true,"fairness":false,"computed_on":"perturbed","prob":0.05}',
    );
    expect(misspellings({ prob: pyFloat(1.0) }).description['prob']).toEqual(pyFloat(1.0));
    expect(misspellings({ prob: 0 }).description['prob']).toBe(0); // misspelling_sweep passes the int 0
  });
});
