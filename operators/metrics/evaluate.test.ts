import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import type { PerInstanceStats } from '../../core/per-instance-stats.ts';
import { PyFloat } from '../../core/py-float.ts';
import type { CompletedRequest } from '../../core/request.ts';
import type { Stat } from '../../core/stat.ts';
import {
  goldenPerInstanceStats,
  goldenRunSpec,
  goldenStates,
  goldenStats,
  simpleWindowService,
} from './__fixtures__/golden.ts';
import { createMetricEvaluator } from './evaluate.ts';

function runGolden(trials = 1) {
  const { adapterSpec, metricSpecs } = goldenRunSpec();
  const evaluator = createMetricEvaluator({
    metricSpecs,
    adapterSpec: { ...adapterSpec, num_train_trials: trials },
    windowService: simpleWindowService,
    isDryRun: false,
  });
  const perMetric: PerInstanceStats[][] = metricSpecs.map(() => []);
  for (let trial = 0; trial < trials; trial++) {
    for (const state of goldenStates()) {
      // Each MMLU instance (no perturbations) is its own group.
      const result = evaluator.evaluateGroup(trial, [{ ...state, train_trial_index: trial }]);
      result.forEach((entries, i) => perMetric[i]!.push(...entries));
    }
    evaluator.endTrial(trial);
  }
  // HELM writes metric after metric.
  return { stats: evaluator.finish(), perInstance: perMetric.flat() };
}

const expectSameStat = (actual: Stat, expected: unknown): void => {
  expect(Object.keys(actual.toJson())).toEqual(Object.keys(expected as object));
  expect(JSON.stringify(actual.name)).toBe(JSON.stringify((expected as { name: unknown }).name));
  // toEqual tells PyFloat(4) from 4, so this checks Python's int/float typing field by field.
  expect(actual.toJson()).toEqual(expected);
};

describe('createMetricEvaluator on the golden MMLU run (HELM 0.5.16, simple/model1)', () => {
  it('reproduces stats.json: order, names, values and int/float typing', () => {
    const { stats } = runGolden();
    const expected = goldenStats();
    expect(stats.map((s) => JSON.stringify(s.name))).toEqual(
      expected.map((s) => JSON.stringify((s as { name: unknown }).name)),
    );
    stats.forEach((stat, i) => expectSameStat(stat, expected[i]));
  });

  it('reproduces per_instance_stats.json entry by entry', () => {
    const { perInstance } = runGolden();
    const expected = goldenPerInstanceStats() as { instance_id: string; train_trial_index: number; stats: unknown[] }[];
    expect(perInstance.map((e) => e.instance_id)).toEqual(expected.map((e) => e.instance_id));
    perInstance.forEach((entry, i) => {
      const golden = expected[i]!;
      expect(Object.keys(entry)).toEqual(Object.keys(golden));
      expect(entry.train_trial_index).toBe(golden.train_trial_index);
      expect(entry.stats).toHaveLength(golden.stats.length);
      entry.stats.forEach((stat, j) => expectSameStat(stat, golden.stats[j]));
    });
  });

  it('keeps count-0 training costs as {count: 0, sum: 0, sum_squared: 0} ints', () => {
    const { stats } = runGolden();
    const co2 = stats.find((s) => s.name.name === 'training_co2_cost' && s.name.perturbation === undefined)!;
    expect(co2.toJson()).toEqual({ name: { name: 'training_co2_cost', split: 'test' }, count: 0, sum: 0, sum_squared: 0 });
    expect(stats.some((s) => s.name.name === 'training_co2_cost' && s.name.perturbation !== undefined)).toBe(false);
  });

  it('averages over train trials: with -t 3 every stat has count 3 and the mean of the trial means', () => {
    const one = runGolden(1).stats;
    const three = runGolden(3);
    expect(three.stats.map((s) => JSON.stringify(s.name))).toEqual(one.map((s) => JSON.stringify(s.name)));
    three.stats.forEach((stat, i) => {
      const single = one[i]!;
      expect(stat.count).toBe(single.count === 0 ? 0 : 3);
      if (single.count > 0) {
        // num_train_trials reports the spec's value, now 3; everything else repeats per trial.
        expect(stat.mean).toBeCloseTo(stat.name.name === 'num_train_trials' ? 3 : single.mean!, 12);
        expect(stat.toJson().mean).toBeInstanceOf(PyFloat);
      }
    });
    const numInstances = three.stats.find((s) => s.name.name === 'num_instances')!;
    expect(numInstances.toJson()).toMatchObject({ count: 3, sum: new PyFloat(30), mean: new PyFloat(10) });
    expect(three.perInstance).toHaveLength(30);
    expect(three.perInstance.map((e) => e.train_trial_index).slice(9, 12)).toEqual([0, 1, 1]);
  });
});

describe('metric construction', () => {
  const { adapterSpec } = goldenRunSpec();
  const base = { adapterSpec, windowService: simpleWindowService, isDryRun: false };

  it('rejects an unknown metric class with the closest names', () => {
    const build = () =>
      createMetricEvaluator({ ...base, metricSpecs: [{ class_name: 'helm.benchmark.metrics.basic_metrics.BasicGenerationMetrics', args: {} }] });
    expect(build).toThrow(UserError);
    expect(build).toThrow(/Did you mean: helm\.benchmark\.metrics\.basic_metrics\.BasicGenerationMetric/);
  });

  it('rejects an unknown reference metric name', () => {
    const build = () =>
      createMetricEvaluator({
        ...base,
        metricSpecs: [{ class_name: 'helm.benchmark.metrics.basic_metrics.BasicGenerationMetric', args: { names: ['exact_mach'] } }],
      });
    expect(build).toThrow(/Did you mean: exact_match/);
  });

  it('drops stats whose sum is NaN from the totals and the per-instance entries', () => {
    const evaluator = createMetricEvaluator({
      ...base,
      metricSpecs: [{ class_name: 'helm.benchmark.metrics.basic_metrics.BasicGenerationMetric', args: { names: [] } }],
    });
    const state = goldenStates()[0]!;
    const nan: CompletedRequest = {
      ...state,
      result: { ...state.result!, completions: [{ text: 'x', logprob: Number.NaN, tokens: [{ text: 'x', logprob: Number.NaN }] }] },
    };
    const [entries] = evaluator.evaluateGroup(0, [nan]);
    const names = entries![0]!.stats.map((s) => s.name.name);
    expect(names).not.toContain('logprob');
    expect(names).not.toContain('max_prob');
    expect(names).toContain('num_bytes');
    evaluator.endTrial(0);
    const total = evaluator.finish().map((s) => s.name.name);
    expect(total).not.toContain('logprob');
    expect(total).not.toContain('perplexity');
    expect(total).toContain('num_perplexity_tokens');
  });
});
