import { describe, expect, it } from 'vitest';
import { helmJson } from '../../../core/helm-json.ts';
import { pyFloat } from '../../../core/py-float.ts';
import { PythonRandom } from '../../../core/rng/python-random.ts';
import { fixtureText, ourResults, perturbationsOf, vectors } from '../__fixtures__/fairness/helm-vectors.ts';
import { dialect, parseDialectMapping } from './dialect.ts';

// Expected values: HELM v0.5.16 DialectPerturbation run on __fixtures__/fairness/SAE_to_AAVE_mapping.json (an excerpt
// we wrote in the upstream format, not the real file) by __fixtures__/fairness/make-helm-vectors.py.
const mapping = parseDialectMapping(fixtureText('SAE_to_AAVE_mapping.json'), 'm.json');
const always = dialect({ prob: pyFloat(1.0), source_class: 'sae', target_class: 'aave', mapping_file_path: 'm.json', mapping });

describe('dialect', () => {
  for (const name of perturbationsOf('DialectPerturbation')) {
    it(`gives HELM's instances for ${name} (input, references, description, contrast input; seeds None and 1)`, () => {
      expect(ourResults(name)).toEqual(vectors.results[name]);
    });
  }

  // Values from HELM's DialectPerturbation(prob=1.0, ..., mapping_file_path=<the fixture>).perturb(text, Random(seed)).
  it('needs a separator other than "-" on both sides: first/last words, hyphenated words and the second of two words one separator apart stay', () => {
    const rng = new PythonRandom('id7');
    expect(always.perturb('this is my my brother-in-law with the brother', rng)).toBe('this is muh my brother-in-law wid the brother');
  });

  it('takes keys in file order ("you" before "you all"), escaped ("a.m." is no pattern), case-insensitively, in the match\'s case', () => {
    expect(always.perturb(' YOU ALL at 9 A.M. or axmx, With ', new PythonRandom('id0'))).toBe(' YA ALL at 9 Am or axmx, Wid ');
    expect([...mapping.keys()].indexOf('2')).toBe(13); // an integer-like key keeps its place, as in a Python dict
  });

  it("fails where HELM raises KeyError: Python's IGNORECASE matches İ and ı for i, and the lower case is no key", () => {
    for (const [text, error] of Object.entries(vectors.dialect_raises)) {
      const run = () => always.perturb(text, new PythonRandom('id0'));
      if (error === null) expect(run).not.toThrow();
      else expect(run).toThrow(/no key.*KeyError/);
    }
  });

  it('describes itself with fairness, prob, the upper-cased classes and the mapping file', () => {
    expect(helmJson(always.description, 0).replace(/\n/g, '')).toBe(
      '{"name": "dialect","robustness": false,"fairness": true,"computed_on": "perturbed","prob": 1.0,"source_class": "SAE",' +
        '"target_class": "AAVE","mapping_file_path": "m.json"}',
    );
    expect(always.perturbsReferences).toBe(true);
  });

  it('rejects a mapping that is not word → list of words, and prob outside [0, 1]', () => {
    expect(() => parseDialectMapping('{"a": "b"}', 'x.json')).toThrow(/x\.json: 'a' must map to a list of strings/);
    expect(() => parseDialectMapping('[1]', 'x.json')).toThrow(/JSON object/);
    expect(() => parseDialectMapping('{', 'x.json')).toThrow(/not valid JSON/);
    expect(() => dialect({ prob: 1.5, source_class: 'SAE', target_class: 'AAVE', mapping_file_path: 'm', mapping })).toThrow(/\[0, 1\]/);
  });
});
