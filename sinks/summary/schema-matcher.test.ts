import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { perturbationDescription, withContext } from '../../core/metric-name.ts';
import { matcherMatches, renderMatcher } from './schema-matcher.ts';

// HELM 0.5.16 presentation/schema.py: MetricNameMatcher.matches and .substitute.
describe('matcherMatches', () => {
  const em = { name: 'exact_match', split: 'test' };
  const robustness = (computed_on: 'worst' | 'perturbed' | 'original') =>
    perturbationDescription('robustness', { robustness: true, computed_on });

  it('needs the same name and split; __all__ takes any split, even none', () => {
    expect(matcherMatches(em, withContext('exact_match', { split: 'test' }))).toBe(true);
    expect(matcherMatches(em, withContext('exact_match', { split: 'valid' }))).toBe(false);
    expect(matcherMatches(em, withContext('quasi_exact_match', { split: 'test' }))).toBe(false);
    expect(matcherMatches(em, { name: 'exact_match' })).toBe(false);
    const all = { name: 'num_instances', split: '__all__' };
    expect([{ split: 'test' }, { split: 'valid' }, {}].map((c) => matcherMatches(all, withContext('num_instances', c)))).toEqual([
      true, true, true,
    ]);
  });

  it('takes every sub-split when the matcher has none, else only its own', () => {
    const toxic = withContext('toxic_frac', { split: 'test', sub_split: 'toxic' });
    expect(matcherMatches({ name: 'toxic_frac', split: 'test' }, toxic)).toBe(true);
    expect(matcherMatches({ name: 'toxic_frac', split: 'test', sub_split: 'toxic' }, toxic)).toBe(true);
    expect(matcherMatches({ name: 'toxic_frac', split: 'test', sub_split: 'non-toxic' }, toxic)).toBe(false);
    expect(matcherMatches({ name: 'toxic_frac', split: 'test', sub_split: 'toxic' }, withContext('toxic_frac', { split: 'test' }))).toBe(false);
  });

  it('needs the same perturbation name, and of a perturbed stat only the worst case', () => {
    const onRobustness = { ...em, perturbation_name: 'robustness' };
    const stat = (computed_on: 'worst' | 'perturbed' | 'original') =>
      withContext('exact_match', { split: 'test', perturbation: robustness(computed_on) });
    expect(['worst', 'perturbed', 'original'].map((c) => matcherMatches(onRobustness, stat(c as 'worst')))).toEqual([true, false, false]);
    // A matcher without a perturbation never takes a perturbed stat, even its worst case; and the reverse.
    expect(matcherMatches(em, stat('worst'))).toBe(false);
    expect(matcherMatches(onRobustness, withContext('exact_match', { split: 'test' }))).toBe(false);
    expect(matcherMatches({ ...em, perturbation_name: 'fairness' }, stat('worst'))).toBe(false);
  });
});

describe('renderMatcher', () => {
  const env = { main_name: 'exact_match', main_split: 'test' };

  it("fills ${…} from the run group's environment, anywhere in name, split and perturbation_name", () => {
    expect(renderMatcher({ name: '${main_name}', split: '${main_split}', perturbation_name: 'robustness' }, env)).toEqual({
      name: 'exact_match',
      split: 'test',
      perturbation_name: 'robustness',
    });
    expect(renderMatcher({ name: 'x_${ main_name }_${main_split}', split: '__all__' }, env)).toEqual({
      name: 'x_exact_match_test',
      split: '__all__',
    });
  });

  it("drops the matcher's sub_split, as HELM's substitute does", () => {
    expect(renderMatcher({ name: 'toxic_frac', split: '${main_split}', sub_split: 'toxic' }, env)).toEqual({ name: 'toxic_frac', split: 'test' });
  });

  it('refuses a variable the environment lacks (HELM: NameError from Mako) and an expression', () => {
    const copyright = { main_split: 'test' }; // classic copyright_text has no main_name
    expect(() => renderMatcher({ name: '${main_name}', split: '${main_split}' }, copyright, " in run group 'copyright_text'")).toThrow(
      new UserError(
        "The metric matcher name '${main_name}' in run group 'copyright_text' needs the variable 'main_name', which the run " +
          "group's environment does not define (it defines: main_split). Add 'main_name' under the run group's " +
          "'environment:' or leave this metric group out of its metric_groups.",
      ),
    );
    expect(() => renderMatcher({ name: '${main_name.upper()}', split: 'test' }, env)).toThrow(/only plain variables such as/);
  });
});
