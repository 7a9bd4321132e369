import { describe, expect, it } from 'vitest';
import { PythonRandom } from '../../../core/rng/python-random.ts';
import { mildMix } from './mild-mix.ts';

const p = mildMix();
const run = (text: string, seed: string) => p.perturb(text, new PythonRandom(seed));

describe('mildMix', () => {
  it('matches the golden vectors on simple_mcqa (helm.md §13)', () => {
    expect(run('Is 70 even or odd?', 'id60')).toBe('is 70  even or  odd?');
    expect(run('Is 48 even or odd?', 'id38')).toBe('is  48   even  or  odd?');
    expect(run('Is 51 even or odd?', 'id41')).toBe('is   51 even or   odd?');
  });

  it('lowercases, contracts, misspells (0.1) and respaces with one rng', () => {
    // HELM v0.5.16 MildMixPerturbation under CPython 3.11
    expect(run('Already, the new product is not available.', 'id0')).toBe(
      "already,   the  new product isn't  available.",
    );
    expect(run('Already, the new product is not available.', '1id0')).toBe(
      "already,  tjhe new  product  isn't   available.",
    );
    expect(run('She is a doctor, and I am a student. They are not here; it is what it is', 'id12')).toBe(
      "she's   a  doctor,   and  i'm   a   student.  tyhe're  not   here; it's   what it  is",
    );
    expect(run('Was he the first? THE Beginning and the end of the Beginning', '1id42')).toBe(
      'was he   the   first?  teh beginning and   the   end of   the  beginning',
    );
  });

  it('describes itself with no extra fields and leaves references alone', () => {
    expect(JSON.stringify(p.description)).toBe(
      '{"name":"mild_mix","robustness":true,"fairness":false,"computed_on":"perturbed"}',
    );
    expect(p.perturbsReferences).toBe(false);
  });
});
