import { describe, expect, it } from 'vitest';
import { PyFloat } from '../../core/py-float.ts';
import type { CompletedRequest } from '../../core/request.ts';
import { Stat } from '../../core/stat.ts';
import { calibrationCases, goldenLegacyB, goldenLegacyBRun } from './__fixtures__/calibration-reference.ts';
import { simpleWindowService } from './__fixtures__/golden.ts';
import { calibrationAccumulator, calibrationStats } from './calibration.ts';
import { createMetricEvaluator } from './evaluate.ts';
import { instanceMetric } from './instance-metric.ts';
import { statOf } from './metric.ts';

const CALIBRATION_NAMES = [
  'ece_10_bin',
  'ece_1_bin',
  'selective_cov_acc_area',
  'selective_acc@10',
  'platt_coef',
  'platt_intercept',
  'platt_ece_10_bin',
  'platt_ece_1_bin',
];
const OPTIMIZER_STATS = new Set(['platt_coef', 'platt_intercept', 'platt_ece_10_bin', 'platt_ece_1_bin']);
const valuesOf = (stats: readonly Stat[]) => new Map(stats.map((s) => [s.name.name, s.sum]));

/** Same value where HELM's arithmetic is reproduced step for step; within 1e-9 for what sklearn's fit feeds. */
function expectHelmValues(actual: Map<string, number>, expected: (name: string) => number | undefined): void {
  for (const [name, value] of actual) {
    const want = expected(name)!;
    if (OPTIMIZER_STATS.has(name)) expect(Math.abs(value - want)).toBeLessThan(1e-9 * Math.max(1, Math.abs(want)));
    else expect(value).toBe(want);
  }
}

describe('calibrationStats (compute_calibration_metrics)', () => {
  it('gives the golden oracle_legacy-b run its eight stats, in order, as floats', () => {
    const { probs, correct, stats } = goldenLegacyB();
    const derived = calibrationStats(probs, correct);
    expect(derived.map((s) => s.name.name)).toEqual(CALIBRATION_NAMES);
    expect(derived.every((s) => s.toJson().sum instanceof PyFloat && s.count === 1)).toBe(true);
    expectHelmValues(valuesOf(derived), (name) => stats.get(name));
  });

  it.each(Object.entries(calibrationCases))('matches Python on %s', (_name, c) => {
    const derived = valuesOf(calibrationStats(c.probs, c.correct));
    expect([...derived.keys()]).toEqual(Object.keys(c.stats).filter((k) => k !== 'platt_iterations'));
    expectHelmValues(derived, (name) => c.stats[name]);
  });

  it('records Platt ECEs of 0.0 and no coefficients when every answer is right (or every one wrong)', () => {
    const derived = calibrationStats([0.2, 0.4], [0, 0]);
    expect(derived.map((s) => s.name.name)).toEqual(CALIBRATION_NAMES.filter((n) => !/coef|intercept/.test(n)));
    expect(derived.at(-1)!.toJson().sum).toEqual(new PyFloat(0));
  });
});

describe('calibrationAccumulator', () => {
  const instance = (maxProb: number | undefined, exactMatch: number, logprob: number): Stat[] => [
    ...(maxProb === undefined ? [] : [statOf('max_prob', new PyFloat(maxProb))]),
    statOf('exact_match', exactMatch),
    statOf('logprob', new PyFloat(logprob)),
  ];

  it('derives nothing unless some instance has a logprob below 0 (simple/model1 answers with logprob 0)', () => {
    const acc = calibrationAccumulator();
    acc.add(instance(1, 1, 0));
    acc.add(instance(1, 0, 0));
    expect(acc.derive()).toEqual([]);
  });

  it("counts only instances with max_prob and exact_match, truncating exact_match's mean to an int", () => {
    const acc = calibrationAccumulator();
    acc.add(instance(0.9, 1, -0.1));
    acc.add(instance(undefined, 1, -0.1)); // no references: no max_prob
    acc.add([statOf('max_prob', new PyFloat(0.6)), new Stat({ name: 'exact_match' }).add(1).add(0)]);
    // Counted: (0.9, 1) and (0.6, int(0.5) = 0).
    expect(valuesOf(acc.derive())).toEqual(valuesOf(calibrationStats([0.9, 0.6], [1, 0])));
  });
});

describe('calibration in BasicGenerationMetric', () => {
  function evaluateGolden(trials: number) {
    const { adapterSpec, metricSpecs, states } = goldenLegacyBRun();
    const evaluator = createMetricEvaluator({
      metricSpecs,
      adapterSpec: { ...adapterSpec, num_train_trials: trials },
      windowService: simpleWindowService,
      isDryRun: false,
    });
    for (let trial = 0; trial < trials; trial++) {
      for (const state of states) evaluator.evaluateGroup(trial, [{ ...state, train_trial_index: trial }]);
      evaluator.endTrial(trial);
    }
    return evaluator.finish();
  }

  it("puts the stats where HELM's stats.json has them: after perplexity, before the worst-case stats", () => {
    const stats = evaluateGolden(1);
    expect(stats.map((s) => JSON.stringify(s.name))).toEqual(goldenLegacyBRun().statNames);
    const { stats: golden } = goldenLegacyB();
    const derived = stats.filter((s) => CALIBRATION_NAMES.includes(s.name.name) && s.name.perturbation === undefined);
    expect(derived.map((s) => s.name.name)).toEqual(CALIBRATION_NAMES);
    // max_prob = exp(logprob) can differ from NumPy's exp in the last bit, so the ECEs agree to ~1e-16 here
    // (exactly from HELM's own max_prob values, above).
    for (const stat of derived) expect(Math.abs(stat.sum - golden.get(stat.name.name)!)).toBeLessThan(1e-9);
  });

  it('derives once per trial: the run stat is the mean over trials', () => {
    const ece = evaluateGolden(2).find((s) => s.name.name === 'ece_10_bin' && s.name.perturbation === undefined)!;
    expect(ece.count).toBe(2);
    expect(ece.mean).toBeCloseTo(0.44196299306155523, 15);
  });

  it('derives per context: each split (or perturbation) gets its own stats from its own instances', () => {
    const metric = instanceMetric({
      reads: 'generation',
      evaluate: ([state]) => {
        const [p, right] = JSON.parse(state!.instance.input.text) as [number, number];
        const logprob = new PyFloat(Math.log(p));
        return [statOf('max_prob', new PyFloat(p)), statOf('exact_match', right), statOf('logprob', logprob)];
      },
      perInstanceDerivation: calibrationAccumulator,
    });
    // Only what instanceMetric reads: the instance (its input carries the scorer's numbers) and the trial.
    const state = (id: string, split: string, p: number, right: number) =>
      ({
        instance: { id, split, input: { text: JSON.stringify([p, right]) }, references: [] },
        train_trial_index: 0,
      }) as unknown as CompletedRequest;
    metric.evaluateGroup(0, [state('a', 'test', 0.9, 1)]);
    metric.evaluateGroup(0, [state('b', 'valid', 0.3, 1)]);
    metric.evaluateGroup(0, [state('c', 'test', 0.6, 0)]);
    metric.endTrial(0);
    const ece1 = metric.finish().filter((s) => s.name.name === 'ece_1_bin' && s.name.perturbation === undefined);
    expect(ece1.map((s) => [s.name.split, s.sum])).toEqual([
      ['test', Math.abs((0.9 + 0.6) / 2 - 0.5)],
      ['valid', 0.7],
    ]);
  });
});
