import { describe, expect, it } from 'vitest';
import { PythonRandom } from '../../../core/rng/python-random.ts';
import { lowercase } from './lowercase.ts';

describe('lowercase', () => {
  it("lowercases as Python's str.lower() does (final sigma, dotted I, titlecase digraphs)", () => {
    // HELM v0.5.16 LowerCasePerturbation under CPython 3.11
    const text = 'Hello WORLD, \u03a3\u0391\u03a3 \u0130stanbul \u01c5emal';
    expect(lowercase().perturb(text, new PythonRandom('id1'))).toBe(
      'hello world, \u03c3\u03b1\u03c2 i\u0307stanbul \u01c6emal',
    );
  });

  it('describes itself as a robustness perturbation with no extra fields, references untouched', () => {
    const p = lowercase();
    expect(JSON.stringify(p.description)).toBe(
      '{"name":"lowercase","robustness":true,"fairness":false,"computed_on":"perturbed"}',
    );
    expect(p.perturbsReferences).toBe(false);
  });
});
