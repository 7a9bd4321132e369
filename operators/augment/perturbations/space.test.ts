import { describe, expect, it } from 'vitest';
import { PythonRandom } from '../../../core/rng/python-random.ts';
import { space } from './space.ts';

// Expected strings: HELM v0.5.16 SpacePerturbation(max_spaces=3) under CPython 3.11, rng = Random(id)
// or Random(str(seed) + id).
const p = space({ max_spaces: 3 });

describe('space', () => {
  it('replaces each run of spaces with randint(1, 3) spaces', () => {
    expect(p.perturb('Is 70 even or odd?', new PythonRandom('id60'))).toBe('Is 70  even or  odd?');
    expect(p.perturb('Is 70 even or odd?', new PythonRandom('1id60'))).toBe('Is 70 even   or  odd?');
    expect(p.perturb('Already, the new product is not available.', new PythonRandom('id0'))).toBe(
      'Already,   the new  product   is  not  available.',
    );
  });

  it('draws once per run, so a run of spaces can shrink to one', () => {
    expect(p.perturb('  two  leading and trailing  ', new PythonRandom('id7'))).toBe('  two   leading  and  trailing ');
    expect(p.perturb('  two  leading and trailing  ', new PythonRandom('1id7'))).toBe(' two   leading and trailing  ');
  });

  it('describes itself with max_spaces', () => {
    expect(JSON.stringify(p.description)).toBe(
      '{"name":"space","robustness":true,"fairness":false,"computed_on":"perturbed","max_spaces":3}',
    );
  });
});
