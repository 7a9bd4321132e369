import { describe, expect, it } from 'vitest';
import { PythonRandom } from '../../../core/rng/python-random.ts';
import { extraSpace } from './extra-space.ts';

// Expected strings: HELM v0.5.16 ExtraSpacePerturbation run under CPython 3.11.
const rng = () => new PythonRandom('id0');

describe('extraSpace', () => {
  it('replaces every single space with num_spaces spaces', () => {
    const p = extraSpace({ num_spaces: 2 });
    expect(p.perturb('Is 70 even or odd?', rng())).toBe('Is  70  even  or  odd?');
    expect(p.perturb('  two  leading and trailing  ', rng())).toBe('    two    leading  and  trailing    ');
  });

  it('removes spaces when num_spaces is 0', () => {
    expect(extraSpace({ num_spaces: 0 }).perturb('  two  leading and trailing  ', rng())).toBe('twoleadingandtrailing');
  });

  it('leaves other whitespace alone and draws nothing', () => {
    const r = rng();
    expect(extraSpace({ num_spaces: 3 }).perturb('a\tb\nc d', r)).toBe('a\tb\nc   d');
    expect(r.random()).toBe(new PythonRandom('id0').random());
  });

  it('describes itself as HELM does, num_spaces an int', () => {
    const p = extraSpace({ num_spaces: 2 });
    expect(JSON.stringify(p.description)).toBe(
      '{"name":"extra_space","robustness":true,"fairness":false,"computed_on":"perturbed","num_spaces":2}',
    );
    expect(p.perturbsReferences).toBe(false);
  });
});
