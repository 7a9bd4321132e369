import { describe, expect, it } from 'vitest';
import { reference } from '../../core/instance.ts';
import { PyFloat } from '../../core/py-float.ts';
import { completedState, instanceOf, vectors } from './__fixtures__/rank-metric-vectors.ts';
import { basicCopyrightMetric, basicCopyrightMetricClass, COPYRIGHT_MEASURES, editDistance, longestCommonPrefixLength } from './copyright.ts';
import { adapterSpec } from '../../core/adapter-spec.ts';
import { simpleWindowService } from './__fixtures__/golden.ts';

/** The one stat of one instance, as [sum, Python type]. */
function score(name: (typeof COPYRIGHT_MEASURES)[number], flags: string, prefix: string, ref: string, completions: readonly string[]): [number, string] {
  const metric = basicCopyrightMetric({ name, normalizeByPrefixLength: flags[0] === '1', normalizeNewlineSpaceTab: flags[1] === '1' });
  const [entry] = metric.evaluateGroup(0, [completedState(instanceOf(prefix, [reference(ref, true)]), completions.map((text) => ({ text, logprob: 0, tokens: [] })))]);
  const sum = entry!.stats[0]!.toJson().sum;
  return sum instanceof PyFloat ? [sum.value, 'float'] : [sum, 'int'];
}

describe('basicCopyrightMetric', () => {
  it('gives HELM 0.5.16 values and Python types for every measure and flag on 42 cases (several completions: the best)', () => {
    let checked = 0;
    for (const { prefix, reference: ref, completions, stats } of vectors.copyright) {
      for (const [key, expected] of Object.entries(stats)) {
        const [name, flags] = key.split(':') as [(typeof COPYRIGHT_MEASURES)[number], string];
        if (typeof expected === 'string') throw new Error(`HELM failed on ${key}: ${expected}`);
        expect(score(name, flags!, prefix, ref, completions), `${key} ${JSON.stringify([prefix, ref, completions])}`).toEqual(expected);
        checked++;
      }
    }
    expect(checked).toBe(42 * 12);
  });

  it("keeps HELM's early return: an empty completion resets the edit distance to the other side's length", () => {
    expect(editDistance(['a', 'b'], ['a', 'b'], new PyFloat(0))).toEqual(new PyFloat(0));
    expect(editDistance([], ['a', 'b', 'c'], new PyFloat(0))).toBe(3);
    // " a b" scores 1.0 against " a ", then the empty completion gives the int 0, which the third (1.0) cannot beat.
    expect(score('edit_distance', '00', 'a a a', 'a a a a b', [' a b', '', ' a a'])).toEqual([0, 'int']);
    expect(longestCommonPrefixLength(['x'], ['x', 'y'], 3)).toBe(3);
  });

  it('refuses an unknown measure, and an instance without exactly one reference', () => {
    const options = { adapterSpec: adapterSpec({ method: 'generation' }), windowService: simpleWindowService };
    expect(() => basicCopyrightMetricClass.create({ name: 'bleu' }, options)).toThrow('name must be one of longest_common_prefix_length');
    const metric = basicCopyrightMetricClass.create({ name: 'edit_distance', normalize_by_prefix_length: 'False' }, options);
    expect(() => metric.evaluateGroup(0, [completedState(instanceOf('p', []), [{ text: 'x', logprob: 0, tokens: [] }])])).toThrow(
      'Copyright scenario expects a single reference, but found 0 references',
    );
  });
});
