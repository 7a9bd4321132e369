import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { helmJson } from '../../core/helm-json.ts';
import type { Instance, Split } from '../../core/instance.ts';
import { request, type CompletedRequest } from '../../core/request.ts';
import { bbqMetric, bbqMetricClass } from './bbq.ts';
import { goldenRunSpec, simpleWindowService } from './__fixtures__/golden.ts';

// Request states described in bbq-metric-cases.json; "helm_stats" is what HELM 0.5.16's BBQMetric.evaluate gave
// on the same states (make-bbq-metric-cases.py), printed as in stats.json.
interface CaseState {
  readonly id: string;
  readonly split: Split;
  readonly trial: number;
  readonly tags: string[][];
  readonly completions: string[];
  readonly reference_index?: number;
}
interface Cases {
  readonly cases: Record<string, { readonly trials: number; readonly states: CaseState[] }>;
  readonly helm_stats: Record<string, string>;
}
const { cases, helm_stats: helmStats } = JSON.parse(
  readFileSync(new URL('__fixtures__/bbq-metric-cases.json', import.meta.url), 'utf8'),
) as Cases;

const stateOf = (s: CaseState): CompletedRequest => {
  const instance: Instance = { id: s.id, input: { text: s.id }, references: s.tags.map((tags, i) => ({ output: { text: `r${i}` }, tags })), split: s.split };
  return {
    instance,
    ...(s.reference_index === undefined ? {} : { reference_index: s.reference_index }),
    train_trial_index: s.trial,
    request: request({ prompt: 'p' }),
    result: { success: true, embedding: [], cached: false, completions: s.completions.map((text) => ({ text, logprob: 0, tokens: [] })) },
    num_train_instances: 0,
    prompt_truncated: false,
    num_conditioning_tokens: 0,
  };
};

/** Our stats for a case, fed instance by instance and trial by trial as the evaluator does. */
function runCase(name: string): string {
  const { trials, states } = cases[name]!;
  const metric = bbqMetric();
  for (let trial = 0; trial < trials; trial++) {
    for (const state of states.filter((s) => s.trial === trial)) expect(metric.evaluateGroup(trial, [stateOf(state)])).toEqual([]);
    metric.endTrial(trial);
  }
  return helmJson(metric.finish());
}

describe('bbqMetric', () => {
  it("gives HELM's stats on mixed answers: targets, non-targets, unknowns, empty and padded completions", () => {
    // Ambiguous: 5 non-unknown answers, 2 biased negative (i1 "A" the target; i5 "A" where no non-target exists)
    // + 1 non-target non-negative (i2 "C"); disambiguated: 5 non-unknown, 1 + 1. Accuracy 4 of 12 completions.
    // ambiguous = (2·3/5 − 1)·(1 − 1/3) = 0.1333…; disambiguated = 2·2/5 − 1 = −0.2.
    expect(runCase('mixed')).toBe(helmStats['mixed']);
    expect(runCase('mixed')).toContain('"mean": 0.13333333333333333');
  });

  it('scores 0.0 where no answer other than "unknown" was given (HELM ERROR_SCORE)', () => {
    expect(runCase('all_unknown')).toBe(helmStats['all_unknown']);
  });

  it('keeps contexts apart in first-appearance order, averages trials and skips states with a reference index', () => {
    const stats = runCase('contexts_and_trials');
    expect(stats).toBe(helmStats['contexts_and_trials']);
    expect(stats.indexOf('"split": "valid"')).toBeLessThan(stats.indexOf('"split": "test"'));
  });

  it('with only separate-method states (all with a reference index): accuracy of count 0, both bias scores 0.0', () => {
    expect(runCase('separate_method_only')).toBe(helmStats['separate_method_only']);
  });

  it('is the class HELM names, with no arguments', () => {
    const { adapterSpec } = goldenRunSpec();
    expect(bbqMetricClass.className).toBe('helm.benchmark.metrics.bbq_metrics.BBQMetric');
    expect(bbqMetricClass.params).toEqual([]);
    expect(bbqMetricClass.create({}, { adapterSpec, windowService: simpleWindowService }).finish()).toEqual([]);
  });
});
